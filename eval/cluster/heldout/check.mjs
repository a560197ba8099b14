// Checks the held-out clustering set: what every set must satisfy (../check-set.mjs), then the split.
// Run from the repository root: node eval/cluster/heldout/check.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSet, finish, MAX_WORDS, MIN_WORDS, words } from '../check-set.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const checked = await checkSet(here, 'h');
const { errors, files, set, stories, followUps } = checked;

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
const { storiesByFile } = checked;
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
console.log(`heldout set: ${files.length} files, frozen ${split.frozen}`);
console.log('half   articles stories copies singletons avg words  first .. last (UTC)');
for (const [half, ids] of Object.entries(halves)) console.log(row(half, set.filter((i) => ids.includes(i.story))));
console.log(row('all', set));
console.log(`stories where a publisher wrote a later follow-up of its own: ${followUps.size}`);
finish(checked, `ok: ids unique, copy_of/body resolve within their story, ${MIN_WORDS}-${MAX_WORDS} words, every story in exactly one half`);
