// The hostile-input classes `npm run eval:hostile` runs, in order. Each module exports `hostileClass`:
// `{ name, run: () => Promise<{ tried, clean, crashed, leaked }> }`.
import { hostileClass as commandLine } from './command-line.js';
import { hostileClass as editorHttp } from './editor-http.js';
import { hostileClass as localSize } from './local-size.js';
import { hostileClass as privateAddress } from './private-address.js';

export const CLASSES = [localSize, editorHttp, privateAddress, commandLine];
