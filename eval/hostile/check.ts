// The shared checker of the hostile-input evaluation (and of the tests of issue 20): what in an output
// file, or in a command's terminal output, a reader's software could execute or choke on. Each rule is
// a named pattern over one kind of output; a finding names the file, the rule and an excerpt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { scanTags } from '../../src/ingest/markup-scan.js';

export interface Finding {
  file: string;
  rule: string;
  excerpt: string;
}

/** Characters a surrounding excerpt shows on either side of a finding. */
const EXCERPT_CHARS = 40;

/** Elements that run or load something when rendered, wherever they appear. */
const EXECUTABLE_ELEMENTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['script element', /<script\b/i],
  ['iframe element', /<iframe\b/i],
  ['object element', /<object\b/i],
  ['embed element', /<embed\b/i],
  ['applet element', /<applet\b/i],
  ['base element', /<base\b/i],
];
/**
 * Rules over one tag's name and attributes. Tags come from a linear scan (as an HTML tokenizer reads
 * them): a pattern like /<[a-z][^>]*\son…/ over a whole file costs quadratic time on "<p <p <p …".
 */
const EXECUTABLE_TAGS: ReadonlyArray<readonly [string, RegExp]> = [
  ['refreshing meta', /^meta\b[\s\S]*http-equiv\s*=\s*["']?\s*refresh/i],
  ['event handler attribute', /[\s/"']on[a-z]+\s*=/i],
  ['script URL in an attribute', /=\s*["']?\s*(?:javascript|vbscript|livescript):/i],
  ['data: HTML in an attribute', /=\s*["']?\s*data:\s*text\/html/i],
];

/** XML 1.0 forbids these characters anywhere in a document, escaped or not. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A terminal acts on ESC sequences, C1 controls (CSI is U+009B) and the other C0 controls but tab and newline. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** In Markdown, any raw tag or comment is passed to the HTML a renderer produces. */
const RAW_MARKUP = /<[a-z!/?]/i;
/** A Markdown link or image destination (a `\]` is a literal bracket, not the end of link text). */
const MARKDOWN_LINK = /(?<!\\)\]\(\s*<?([^)\s>]*)/g;
/** Keys whose values are addresses a consumer may turn into links. */
const URL_KEYS = new Set(['url', 'link', 'href', 'external_url', 'home_page_url', 'feed_url', 'sources', 'canonical_url']);

const excerpt = (text: string, index: number): string =>
  JSON.stringify(text.slice(Math.max(0, index - EXCERPT_CHARS), index + EXCERPT_CHARS));

const isWebOrEmpty = (value: string): boolean => value === '' || /^https?:\/\//i.test(value);

function firstMatch(file: string, text: string, rules: ReadonlyArray<readonly [string, RegExp]>): Finding[] {
  const found: Finding[] = [];
  for (const [rule, pattern] of rules) {
    const match = pattern.exec(text);
    if (match) found.push({ file, rule, excerpt: excerpt(text, match.index) });
  }
  return found;
}

export function checkHtml(file: string, text: string): Finding[] {
  const found = firstMatch(file, text, EXECUTABLE_ELEMENTS);
  if (!text.includes('<')) return found;
  const reported = new Set<string>();
  for (const tag of scanTags(text)) {
    const whole = `${tag.name} ${tag.attributes}`;
    for (const [rule, pattern] of EXECUTABLE_TAGS) {
      if (reported.has(rule) || !pattern.test(whole)) continue;
      reported.add(rule);
      found.push({ file, rule, excerpt: JSON.stringify(`<${whole.slice(0, 2 * EXCERPT_CHARS)}>`) });
    }
  }
  return found;
}

const decodeXml = (text: string): string =>
  text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** XML outputs (RSS, OPML): well-formed, no forbidden characters, and no executable HTML in any text (RSS descriptions are HTML). */
export function checkXml(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  const bad = XML_INVALID.exec(text);
  if (bad) found.push({ file, rule: 'character XML forbids', excerpt: excerpt(text, bad.index) });
  const valid = XMLValidator.validate(text);
  if (valid !== true) found.push({ file, rule: 'not well-formed XML', excerpt: valid.err.msg });
  for (const [, inner] of text.matchAll(/<(?:description|title|content:encoded)>([\s\S]*?)<\/(?:description|title|content:encoded)>/g)) {
    for (const entry of checkHtml(file, decodeXml(inner ?? '')).map((f) => ({ ...f, rule: `${f.rule} (in XML text)` }))) found.push(entry);
  }
  // OPML exports name local feed files by file: URL on purpose; RSS links must be http(s).
  for (const [, url] of text.matchAll(/<link>([\s\S]*?)<\/link>/g)) {
    if (url !== undefined && !isWebOrEmpty(decodeXml(url).trim())) found.push({ file, rule: 'link that is not http(s)', excerpt: JSON.stringify(url) });
  }
  return found;
}

/** Markdown: no raw markup at all (text is escaped on the way in), links only to http(s) or relative files. */
export function checkMarkdown(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  const raw = RAW_MARKUP.exec(text);
  if (raw) found.push({ file, rule: 'raw markup in Markdown', excerpt: excerpt(text, raw.index) });
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  // Front matter is YAML data, not rendered as Markdown: link syntax only counts in the body.
  const body = front ? text.slice(front.length + 9) : text;
  for (const match of body.matchAll(MARKDOWN_LINK)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^https?:/i.test(target)) found.push({ file, rule: 'Markdown link that is not http(s)', excerpt: excerpt(body, match.index) });
  }
  for (const [, key, value] of front.matchAll(/^(url|canonical_url):\s*(.*)$/gm)) {
    const url = (value ?? '').replace(/^["']|["']$/g, '');
    if (!isWebOrEmpty(url)) found.push({ file, rule: `front matter ${key} that is not http(s)`, excerpt: JSON.stringify(value) });
  }
  return found;
}

/** JSON values: every address-like key holds an http(s) URL or nothing, and HTML content is inert. */
export function checkJsonValue(file: string, value: unknown): Finding[] {
  const found: Finding[] = [];
  const pending: Array<{ key: string; value: unknown }> = [{ key: '', value }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { key, value: v } = next;
    if (typeof v === 'string') {
      if (URL_KEYS.has(key) && !isWebOrEmpty(v)) found.push({ file, rule: `"${key}" that is not http(s)`, excerpt: JSON.stringify(v.slice(0, 80)) });
      if (key === 'content_html' || key === 'html') for (const entry of checkHtml(file, v)) found.push(entry);
    } else if (Array.isArray(v)) {
      for (const item of v) pending.push({ key, value: item });
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) pending.push({ key: k, value: item });
    }
  }
  return found;
}

export function checkJson(file: string, text: string): Finding[] {
  const lines = file.endsWith('.jsonl') ? text.split('\n').filter(Boolean) : [text];
  const found: Finding[] = [];
  for (const line of lines) {
    try {
      for (const entry of checkJsonValue(file, JSON.parse(line))) found.push(entry);
    } catch {
      found.push({ file, rule: 'not valid JSON', excerpt: excerpt(line, 0) });
    }
  }
  return found;
}

/** Terminal output: nothing the terminal would act on (ESC, CSI, OSC, other C0 and C1 controls). */
export function checkTerminal(label: string, text: string): Finding[] {
  const match = TERMINAL_CONTROL.exec(text);
  return match ? [{ file: label, rule: 'control character in terminal output', excerpt: excerpt(text, match.index) }] : [];
}

const CHECKS: Readonly<Record<string, (file: string, text: string) => Finding[]>> = {
  '.html': checkHtml,
  '.md': checkMarkdown,
  '.xml': checkXml,
  '.opml': checkXml,
  '.json': checkJson,
  '.jsonl': checkJson,
};

/** One output file by its extension; files of other kinds are not checked. */
export function checkFile(path: string, label = path): Finding[] {
  const check = CHECKS[extname(path).toLowerCase()];
  return check ? check(label, readFileSync(path, 'utf8')) : [];
}

/** Every file below `dir` (an output folder), walked without recursion. */
export function checkFolder(dir: string): Finding[] {
  const found: Finding[] = [];
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const name of readdirSync(next)) {
      const path = join(next, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else for (const entry of checkFile(path, relative(dir, path))) found.push(entry);
    }
  }
  return found;
}
