// Checks the second held-out clustering set: parses every file with the project's own reader
// (dist/eval/cluster/fixtures.js, built by `npm run build`), then checks ids, labels, lengths and times.
// The whole set is a test set: there is no split. Run from the repository root:
//   node eval/cluster/heldout2/check.mjs
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_WORDS = 80;
const MAX_WORDS = 350;
const MAX_ARTICLES_PER_STORY = 8;
const MAX_STORY_HOURS = 72;
/** Two write-ups of one story by one publisher closer than this are odd; later ones are follow-ups. */
const OWN_FOLLOW_UP_HOURS = 6;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const reader = join(root, 'dist/eval/cluster/fixtures.js');
if (!existsSync(reader)) {
  console.error('dist/eval/cluster/fixtures.js is missing: run `npm run build` first');
  process.exit(2);
}
const { loadLabelledSet } = await import(reader);

const errors = [];
const warnings = [];
const HEADER = /^@@ (.*)$/;
const FIELD = /(\w+)=("[^"]*"|\S+)/g;
const ID = /^k(\d\d)([a-z])$/;
const KNOWN_FIELDS = new Set(['id', 'story', 'pub', 'at', 'url', 'body', 'copy_of', 'footer']);

// 1. Raw headers, to catch what the reader lets through (duplicate ids, unknown copy_of, stray fields).
const files = readdirSync(here).filter((f) => f.endsWith('.txt')).sort();
const headers = [];
for (const file of files) {
  if (!/^\d\d-[a-z0-9-]+\.txt$/.test(file)) errors.push(`${file}: name is not NN-slug.txt`);
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    const m = HEADER.exec(line);
    if (!m) continue;
    const meta = {};
    for (const f of m[1].matchAll(FIELD)) meta[f[1]] = f[2].replace(/^"|"$/g, '');
    for (const key of Object.keys(meta)) if (!KNOWN_FIELDS.has(key)) errors.push(`${meta.id ?? file}: unknown field ${key}`);
    headers.push({ file, meta });
  }
}
const byId = new Map();
for (const { file, meta } of headers) {
  if (!meta.id) { errors.push(`${file}: header without id`); continue; }
  if (byId.has(meta.id)) errors.push(`${file}: duplicate id ${meta.id} (also in ${byId.get(meta.id).file})`);
  else byId.set(meta.id, { file, meta });
  if (!ID.test(meta.id)) errors.push(`${meta.id}: id does not look like k<NN><letter>`);
  else if (`k${ID.exec(meta.id)[1]}` !== meta.story) errors.push(`${meta.id}: id prefix does not match story=${meta.story}`);
  for (const key of ['story', 'pub', 'at', 'url']) if (!meta[key]) errors.push(`${meta.id}: missing ${key}`);
  if (meta.at && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(meta.at)) errors.push(`${meta.id}: at=${meta.at} is not UTC ISO`);
}
const byUrl = new Map();
for (const { meta } of byId.values()) {
  if (byUrl.has(meta.url)) errors.push(`${meta.id}: same url as ${byUrl.get(meta.url)}`);
  byUrl.set(meta.url, meta.id);
}
for (const { meta } of byId.values()) {
  for (const key of ['copy_of', 'body']) {
    const target = meta[key];
    if (!target) continue;
    const t = byId.get(target);
    if (!t) { errors.push(`${meta.id}: ${key}=${target} is not an article`); continue; }
    if (t.meta.story !== meta.story) errors.push(`${meta.id}: ${key}=${target} is in another story (${t.meta.story})`);
    if (t.meta.copy_of) errors.push(`${meta.id}: ${key}=${target} points at a copy, not at the original`);
    if (t.meta.at && meta.at && t.meta.at > meta.at) errors.push(`${meta.id}: published before its original ${target}`);
  }
  if (meta.body && meta.copy_of !== meta.body) errors.push(`${meta.id}: body=${meta.body} without copy_of=${meta.body}`);
  if (meta.footer) {
    const original = byId.get(meta.copy_of ?? '');
    if (!original) errors.push(`${meta.id}: footer without copy_of`);
    else if (original.meta.pub !== meta.footer) errors.push(`${meta.id}: footer names ${meta.footer}, but ${original.meta.id} is ${original.meta.pub}'s`);
  }
}
if (errors.length) { for (const e of errors) console.error('ERROR', e); process.exit(1); }

// 2. The project's reader.
const set = loadLabelledSet(here);
if (set.length !== byId.size) errors.push(`the reader returned ${set.length} articles for ${byId.size} headers`);
const words = (s) => (s.match(/\S+/g) ?? []).length;
const stories = new Map();
const followUps = new Set();
for (const item of set) {
  const list = stories.get(item.story) ?? [];
  list.push(item);
  stories.set(item.story, list);
  const n = words(item.article.text);
  if (n < MIN_WORDS || n > MAX_WORDS) errors.push(`${item.key}: body has ${n} words (want ${MIN_WORDS}-${MAX_WORDS})`);
  if (!item.article.title) errors.push(`${item.key}: no headline`);
  const meta = byId.get(item.key).meta;
  if (meta.footer && item.article.syndicatedFrom !== meta.footer) errors.push(`${item.key}: the reader did not take the footer's publisher`);
}
for (const [story, items] of stories) {
  if (items.length > MAX_ARTICLES_PER_STORY) errors.push(`${story}: ${items.length} articles (want at most ${MAX_ARTICLES_PER_STORY})`);
  const times = items.map((i) => Date.parse(i.article.published)).sort((a, b) => a - b);
  const spanHours = (times.at(-1) - times[0]) / 3_600_000;
  if (spanHours > MAX_STORY_HOURS) errors.push(`${story}: articles span ${spanHours.toFixed(1)} h, more than the three days a story may cover`);
  const written = items.filter((i) => !i.copyOf);
  if (!written.length) errors.push(`${story}: no original article`);
  for (const a of written) for (const b of written) {
    if (a.key < b.key && a.article.publisherName === b.article.publisherName) {
      const hours = Math.abs(Date.parse(a.article.published) - Date.parse(b.article.published)) / 3_600_000;
      if (hours < OWN_FOLLOW_UP_HOURS) warnings.push(`${a.key} and ${b.key}: ${a.article.publisherName} wrote both ${hours.toFixed(1)} h apart`);
      else followUps.add(story);
    }
  }
}
// A file holds one story, or two stories written as a pair (same topic, different event; or an event and its later new story).
const storiesByFile = new Map();
for (const { file, meta } of byId.values()) storiesByFile.set(file, new Set([...(storiesByFile.get(file) ?? []), meta.story]));
for (const [file, s] of storiesByFile) if (s.size > 2) errors.push(`${file}: ${s.size} stories in one file (want one or a pair)`);
for (const story of stories.keys()) {
  const inFiles = [...storiesByFile].filter(([, s]) => s.has(story)).map(([f]) => f);
  if (inFiles.length > 1) errors.push(`${story}: spread over ${inFiles.join(', ')}`);
}

// 3. Counts.
const kinds = { 'wire copy, new headline': 0, 'wire copy, new headline and added paragraph': 0, 'footer copy': 0, 'same publisher, other url': 0, 'edited copy (written out)': 0, 'other body copy': 0 };
for (const { meta } of byId.values()) {
  if (!meta.copy_of) continue;
  const original = byId.get(meta.copy_of).meta;
  const raw = headers.find((h) => h.meta.id === meta.id);
  const lines = readFileSync(join(here, raw.file), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`@@ id=${meta.id} `));
  let end = lines.findIndex((l, i) => i > start && l.startsWith('@@ '));
  if (end < 0) end = lines.length;
  const own = lines.slice(start + 1, end).filter((l) => l.trim());
  if (!meta.body) kinds['edited copy (written out)']++;
  else if (meta.footer) kinds['footer copy']++;
  else if (original.pub === meta.pub) kinds['same publisher, other url']++;
  else if (own.length === 1) kinds['wire copy, new headline']++;
  else if (own.length > 1) kinds['wire copy, new headline and added paragraph']++;
  else kinds['other body copy']++;
}
const sizes = [...stories.values()].map((items) => items.length);
const copies = set.filter((i) => i.copyOf).length;
const allWords = set.map((i) => words(i.article.text));
const times = set.map((i) => i.article.published).sort();
console.log(`heldout2 set: ${files.length} files, ${set.length} articles in ${stories.size} stories (test set, no split)`);
console.log(`stories with 2-${MAX_ARTICLES_PER_STORY} articles: ${sizes.filter((n) => n > 1).length}; singletons: ${sizes.filter((n) => n === 1).length}; largest: ${Math.max(...sizes)}`);
console.log(`copies: ${copies}; originals: ${set.length - copies}; publishers: ${new Set(set.map((i) => i.article.publisherName)).size}`);
for (const [kind, n] of Object.entries(kinds)) console.log(`  ${kind}: ${n}`);
console.log(`body words: mean ${Math.round(allWords.reduce((a, b) => a + b, 0) / allWords.length)}, min ${Math.min(...allWords)}, max ${Math.max(...allWords)}`);
console.log(`published: ${times[0]?.slice(0, 16)} .. ${times.at(-1)?.slice(0, 16)} (UTC)`);
console.log(`stories where a publisher wrote a later follow-up of its own: ${followUps.size}`);
for (const w of warnings) console.log('warning', w);
if (errors.length) { for (const e of errors) console.error('ERROR', e); process.exit(1); }
console.log(`ok: ids unique, copy_of/body resolve within their story, ${MIN_WORDS}-${MAX_WORDS} words, stories within ${MAX_STORY_HOURS} h`);
