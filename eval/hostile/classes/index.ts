// The hostile-input classes `npm run eval:hostile` runs, in order. Each module exports `hostileClass`:
// `{ name, run: () => Promise<{ tried, clean, crashed, leaked }> }`.
import { hostileClass as controlChars } from './control-chars.js';
import { hostileClass as deepNesting } from './deep-nesting.js';
import { hostileClass as entities } from './entities.js';
import { hostileClass as feedSanitizing } from './feed-sanitizing.js';
import { hostileClass as htmlInMarkdown } from './html-in-markdown.js';
import { hostileClass as hugeFeed } from './huge-feed.js';
import { hostileClass as nonHttpLinks } from './non-http-links.js';
import { hostileClass as opmlFileUrl } from './opml-file-url.js';
import { hostileClass as terminalEscapes } from './terminal-escapes.js';
import { hostileClass as commandLine } from './command-line.js';
import { hostileClass as editorHttp } from './editor-http.js';
import { hostileClass as localSize } from './local-size.js';
import { hostileClass as privateAddress } from './private-address.js';

export const CLASSES = [hugeFeed, deepNesting, nonHttpLinks, controlChars, terminalEscapes, opmlFileUrl, htmlInMarkdown, feedSanitizing, entities, localSize, editorHttp, privateAddress, commandLine];
