// What every labelled clustering set must satisfy, checked by each set's check.mjs (heldout/, heldout2/):
// raw headers (unique ids named after their story, known fields, UTC times, copy_of/body/footer resolving to
// an original in the same story), then the project's own reader (dist/eval/cluster/fixtures.js, built by
// `npm run build`): body lengths, headlines, footers taken, story sizes and spans, publishers' own
// follow-ups. Returns what it read and what it found; the caller adds its set's own checks and prints.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MIN_WORDS = 80;
export const MAX_WORDS = 350;
export const MAX_ARTICLES_PER_STORY = 8;
export const MAX_STORY_HOURS = 72;
/** Two write-ups of one story by one publisher closer than this are odd; later ones are follow-ups. */
const OWN_FOLLOW_UP_HOURS = 6;

const HEADER = /^@@ (.*)$/;
const FIELD = /(\w+)=("[^"]*"|\S+)/g;
const KNOWN_FIELDS = new Set(['id', 'story', 'pub', 'at', 'url', 'body', 'copy_of', 'footer']);

export const words = (s) => (s.match(/\S+/g) ?? []).length;

/** Checks the set in folder `here`, whose ids are `<prefix><NN><letter>` for story `<prefix><NN>`. */
export async function checkSet(here, prefix) {
  const reader = join(resolve(here, '../../..'), 'dist/eval/cluster/fixtures.js');
  if (!existsSync(reader)) {
    console.error('dist/eval/cluster/fixtures.js is missing: run `npm run build` first');
    process.exit(2);
  }
  const { loadLabelledSet } = await import(reader);
  const errors = [];
  const warnings = [];
  const id = new RegExp(`^${prefix}(\\d\\d)([a-z])$`);

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
    if (!id.test(meta.id)) errors.push(`${meta.id}: id does not look like ${prefix}<NN><letter>`);
    else if (`${prefix}${id.exec(meta.id)[1]}` !== meta.story) errors.push(`${meta.id}: id prefix does not match story=${meta.story}`);
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
  const storiesByFile = new Map();
  for (const { file, meta } of byId.values()) storiesByFile.set(file, new Set([...(storiesByFile.get(file) ?? []), meta.story]));
  return { errors, warnings, files, headers, byId, set, stories, storiesByFile, followUps };
}

/** Prints the warnings, then the errors and exits 1 if there are any. */
export function finish({ errors, warnings }, ok) {
  for (const w of warnings) console.log('warning', w);
  if (errors.length) { for (const e of errors) console.error('ERROR', e); process.exit(1); }
  console.log(ok);
}
