// Checks the second held-out clustering set: what every set must satisfy (../check-set.mjs), then that a
// file holds one story or a pair. The whole set is a test set: there is no split. Run from the repository
// root: node eval/cluster/heldout2/check.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSet, finish, MAX_ARTICLES_PER_STORY, MAX_STORY_HOURS, MAX_WORDS, MIN_WORDS, words } from '../check-set.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const checked = await checkSet(here, 'k');
const { errors, files, headers, byId, set, stories, storiesByFile, followUps } = checked;

// A file holds one story, or two stories written as a pair (same topic, different event; or an event and its later new story).
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
finish(checked, `ok: ids unique, copy_of/body resolve within their story, ${MIN_WORDS}-${MAX_WORDS} words, stories within ${MAX_STORY_HOURS} h`);
