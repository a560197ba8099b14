// Validates the held-out audit set and prints counts per label and kind, per half.
// Run from the repository root: node eval/audit/heldout/stats.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FAULTY_KINDS, LABEL_OF_KIND, LABELS, SUPPORTED_KINDS, summaryItemErrors } from '../taxonomy.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

const files = readdirSync(dir).filter((f) => /^\d\d-[a-z0-9-]+\.yaml$/.test(f)).sort();
const errors = [];
const data = new Map();
for (const f of files) {
  let doc;
  try { doc = parse(readFileSync(join(dir, f), 'utf8')); } catch (e) { errors.push(`${f}: YAML: ${e.message}`); continue; }
  const keys = Object.keys(doc ?? {});
  for (const k of keys) if (!['source', 'summary'].includes(k)) errors.push(`${f}: unknown field ${k}`);
  if (typeof doc?.source !== 'string' || !doc.source.trim()) { errors.push(`${f}: no source`); continue; }
  const words = doc.source.trim().split(/\s+/).length;
  if (words < 200 || words > 450) errors.push(`${f}: source has ${words} words`);
  if (/\n\s*\n/.test(doc.source.trim())) errors.push(`${f}: blank line in source`);
  const s = doc.summary;
  if (!Array.isArray(s) || s.length < 6 || s.length > 9) { errors.push(`${f}: summary must have 6-9 items`); continue; }
  s.forEach((it, i) => errors.push(...summaryItemErrors(it, `${f} [${i + 1}]`)));
  data.set(f, { words, summary: s });
}

let split = null;
try { split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')); } catch { /* not yet split */ }
if (split) {
  const all = [...split.test, ...split.tune];
  for (const f of files) if (!all.includes(f)) errors.push(`split.json: ${f} in neither half`);
  for (const f of all) if (!files.includes(f)) errors.push(`split.json: ${f} does not exist`);
  if (new Set(all).size !== all.length) errors.push('split.json: a file is in both halves');
}

const halves = split ? [['test', split.test], ['tune', split.tune], ['all', files]] : [['all', files]];
const count = (list) => {
  const c = { files: 0, sentences: 0, words: 0 };
  for (const f of list) {
    const d = data.get(f); if (!d) continue;
    c.files++; c.words += d.words;
    for (const it of d.summary) { c.sentences++; c[it.label] = (c[it.label] ?? 0) + 1; c[`${it.label}/${it.kind}`] = (c[`${it.label}/${it.kind}`] ?? 0) + 1; }
  }
  return c;
};
const counts = halves.map(([name, list]) => [name, count(list)]);
const row = (title, key) => `| ${title} | ${counts.map(([, c]) => c[key] ?? 0).join(' | ')} |`;
const out = [];
if (split) out.push(`Frozen: ${split.frozen}. Test files: ${split.test.length}; tune files: ${split.tune.length}.`, '');
out.push(`| | ${counts.map(([n]) => n).join(' | ')} |`, `|---|${counts.map(() => '---:').join('|')}|`);
out.push(row('articles', 'files'), row('sentences', 'sentences'));
for (const l of LABELS) out.push(row(`**${l}**`, l));
for (const k of SUPPORTED_KINDS) out.push(row(`supported / ${k}`, `supported/${k}`));
for (const k of FAULTY_KINDS) out.push(row(`${LABEL_OF_KIND[k]} / ${k}`, `${LABEL_OF_KIND[k]}/${k}`));
console.log(out.join('\n'));
if (errors.length) { console.error(`\n${errors.length} problem(s):\n${errors.join('\n')}`); process.exit(1); }
