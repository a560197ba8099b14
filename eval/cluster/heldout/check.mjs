// Checks the held-out clustering set: parses every file with the project's own reader
// (dist/eval/cluster/fixtures.js, built by `npm run build`), then checks ids, labels, lengths and the split.
// Run from the repository root: node eval/cluster/heldout/check.mjs
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const followUps = new Set();
const HEADER = /^@@ (.*)$/;
const FIELD = /(\w+)=("[^"]*"|\S+)/g;
const ID = /^h(\d\d)([a-z])$/;

// 1. Raw headers, to catch what the reader lets through (duplicate ids, unknown copy_of).
const headers = [];
for (const file of readdirSync(here).filter((f) => f.endsWith('.txt')).sort()) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    const m = HEADER.exec(line);
    if (!m) continue;
    const meta = {};
    for (const f of m[1].matchAll(FIELD)) meta[f[1]] = f[2].replace(/^"|"$/g, '');
    headers.push({ file, meta });
  }
}
const byId = new Map();
for (const { file, meta } of headers) {
  if (!meta.id) { errors.push(`${file}: header without id`); continue; }
  if (byId.has(meta.id)) errors.push(`${file}: duplicate id ${meta.id} (also in ${byId.get(meta.id).file})`);
  else byId.set(meta.id, { file, meta });
  if (!ID.test(meta.id)) errors.push(`${meta.id}: id does not look like h<NN><letter>`);
  else if (`h${ID.exec(meta.id)[1]}` !== meta.story) errors.push(`${meta.id}: id prefix does not match story=${meta.story}`);
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
}
if (errors.length) { for (const e of errors) console.error('ERROR', e); process.exit(1); }

// 2. The project's reader.
const set = loadLabelledSet(here);
const words = (s) => (s.match(/\S+/g) ?? []).length;
const stories = new Map();
for (const item of set) {
  const list = stories.get(item.story) ?? [];
  list.push(item);
  stories.set(item.story, list);
  const n = words(item.article.text);
  if (n < 80 || n > 350) errors.push(`${item.key}: body has ${n} words (want 80-350)`);
}
for (const [story, items] of stories) {
  if (items.length > 8) errors.push(`${story}: ${items.length} articles (want at most 8)`);
  const times = items.map((i) => Date.parse(i.article.published)).sort((a, b) => a - b);
  const spanHours = (times.at(-1) - times[0]) / 3_600_000;
  if (spanHours > 72) errors.push(`${story}: articles span ${spanHours.toFixed(1)} h, more than the three days a story may cover`);
  // A publisher may write a follow-up later in a story; two of its own write-ups within 6 hours would be odd.
  const written = items.filter((i) => !i.copyOf);
  for (const a of written) for (const b of written) {
    if (a.key < b.key && a.article.publisherName === b.article.publisherName) {
      const hours = Math.abs(Date.parse(a.article.published) - Date.parse(b.article.published)) / 3_600_000;
      if (hours < 6) warnings.push(`${a.key} and ${b.key}: ${a.article.publisherName} wrote both ${hours.toFixed(1)} h apart`);
      else followUps.add(story);
    }
  }
}

// 3. The split.
const split = JSON.parse(readFileSync(join(here, 'split.json'), 'utf8'));
const halves = { test: split.test ?? [], tune: split.tune ?? [] };
const seen = new Map();
for (const [half, ids] of Object.entries(halves)) for (const id of ids) {
  if (!stories.has(id)) errors.push(`split.json: ${half} lists unknown story ${id}`);
  if (seen.has(id)) errors.push(`split.json: ${id} is in ${seen.get(id)} and ${half}`);
  seen.set(id, half);
}
for (const id of stories.keys()) if (!seen.has(id)) errors.push(`split.json: story ${id} is in no half`);
// Stories written in one file (decoy pairs, a story and its later new story) must share a half.
const storiesByFile = new Map();
for (const { file, meta } of byId.values()) {
  const s = storiesByFile.get(file) ?? new Set();
  s.add(meta.story);
  storiesByFile.set(file, s);
}
for (const [file, s] of storiesByFile) {
  const h = new Set([...s].map((id) => seen.get(id)));
  if (h.size > 1) errors.push(`split.json: ${file} has stories in both halves`);
}
// The fixed rule (README): files in name order, the 1st, 3rd, 5th ... go to test, the 2nd, 4th ... to tune.
[...storiesByFile.keys()].sort().forEach((file, i) => {
  const want = i % 2 === 0 ? 'test' : 'tune';
  for (const id of storiesByFile.get(file)) if (seen.get(id) !== want) errors.push(`split.json: ${id} (${file}) should be in ${want} by the split rule`);
});
if (!/^\d{4}-\d\d-\d\d$/.test(split.frozen ?? '')) errors.push('split.json: frozen is not a YYYY-MM-DD date');

// 4. Counts.
const row = (label, items) => {
  const by = new Map();
  for (const i of items) by.set(i.story, (by.get(i.story) ?? 0) + 1);
  const copies = items.filter((i) => i.copyOf).length;
  const singletons = [...by.values()].filter((n) => n === 1).length;
  const times = items.map((i) => i.article.published).filter(Boolean).sort();
  const w = items.map((i) => words(i.article.text));
  return `${label.padEnd(6)} ${String(items.length).padStart(8)} ${String(by.size).padStart(7)} ${String(copies).padStart(6)} ${String(singletons).padStart(10)} ${String(Math.round(w.reduce((a, b) => a + b, 0) / w.length)).padStart(9)}  ${times[0]?.slice(0, 16)} .. ${times.at(-1)?.slice(0, 16)}`;
};
console.log(`heldout set: ${readdirSync(here).filter((f) => f.endsWith('.txt')).length} files, frozen ${split.frozen}`);
console.log('half   articles stories copies singletons avg words  first .. last (UTC)');
for (const [half, ids] of Object.entries(halves)) console.log(row(half, set.filter((i) => ids.includes(i.story))));
console.log(row('all', set));
console.log(`stories where a publisher wrote a later follow-up of its own: ${followUps.size}`);
for (const w of warnings) console.log('warning', w);
if (errors.length) { for (const e of errors) console.error('ERROR', e); process.exit(1); }
console.log('ok: ids unique, copy_of/body resolve within their story, 80-350 words, every story in exactly one half');
