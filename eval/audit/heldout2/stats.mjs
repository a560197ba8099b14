// Validates the second held-out audit set and prints its counts per label and kind.
// The whole set is a test set: there is no split. Run from the repository root:
//   node eval/audit/heldout2/stats.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = dirname(fileURLToPath(import.meta.url));
const MIN_WORDS = 200;
const MAX_WORDS = 450;
const MIN_SENTENCES = 6;
const MAX_SENTENCES = 9;
const LABEL_OF_KIND = {
  speaker: 'misattributed', overgeneralization: 'misattributed', coreference: 'misattributed', entity: 'misattributed',
  number: 'contradicted', 'circumstance-time': 'contradicted', 'circumstance-place': 'contradicted',
  negation: 'contradicted', modality: 'contradicted', role: 'contradicted', predicate: 'contradicted',
  'quote-not-verbatim': 'contradicted',
  'out-of-article': 'unsupported', discourse: 'unsupported',
};
const SUPPORTED_KINDS = ['verbatim', 'paraphrase', 'pronoun-attribution', 'combined', 'according-to',
  'social-media', 'reported-speech', 'compression'];
const LABELS = ['supported', 'unsupported', 'misattributed', 'contradicted'];
const FAULTY_KINDS = Object.keys(LABEL_OF_KIND);

const files = readdirSync(dir).filter((f) => /^\d\d-[a-z0-9-]+\.yaml$/.test(f)).sort();
const stray = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !files.includes(f));
const errors = stray.map((f) => `${f}: name is not NN-slug.yaml`);
const counts = { files: 0, sentences: 0, words: 0 };
const add = (key) => { counts[key] = (counts[key] ?? 0) + 1; };
for (const f of files) {
  let doc;
  try { doc = parse(readFileSync(join(dir, f), 'utf8')); } catch (e) { errors.push(`${f}: YAML: ${e.message}`); continue; }
  for (const k of Object.keys(doc ?? {})) if (!['source', 'summary'].includes(k)) errors.push(`${f}: unknown field ${k}`);
  if (typeof doc?.source !== 'string' || !doc.source.trim()) { errors.push(`${f}: no source`); continue; }
  const words = doc.source.trim().split(/\s+/).length;
  if (words < MIN_WORDS || words > MAX_WORDS) errors.push(`${f}: source has ${words} words (want ${MIN_WORDS}-${MAX_WORDS})`);
  if (/\n\s*\n/.test(doc.source.trim())) errors.push(`${f}: blank line in source`);
  const s = doc.summary;
  if (!Array.isArray(s) || s.length < MIN_SENTENCES || s.length > MAX_SENTENCES) {
    errors.push(`${f}: summary must have ${MIN_SENTENCES}-${MAX_SENTENCES} items`);
    continue;
  }
  counts.files++;
  counts.words += words;
  s.forEach((it, i) => {
    const at = `${f} [${i + 1}]`;
    for (const k of Object.keys(it)) if (!['text', 'label', 'kind', 'note'].includes(k)) errors.push(`${at}: unknown field ${k}`);
    if (typeof it.text !== 'string' || !it.text.trim()) errors.push(`${at}: no text`);
    if (!LABELS.includes(it.label)) errors.push(`${at}: bad label ${it.label}`);
    if (it.label === 'supported') {
      if (!SUPPORTED_KINDS.includes(it.kind)) errors.push(`${at}: bad supported kind ${it.kind}`);
      if (it.note !== undefined) errors.push(`${at}: supported sentence with a note`);
    } else {
      if (LABEL_OF_KIND[it.kind] !== it.label) errors.push(`${at}: kind ${it.kind} does not map to ${it.label}`);
      if (typeof it.note !== 'string' || !it.note.trim()) errors.push(`${at}: faulty sentence without note`);
    }
    counts.sentences++;
    add(it.label);
    add(`${it.label}/${it.kind}`);
  });
}

const faulty = counts.sentences - (counts.supported ?? 0);
const out = [
  `Test set, no split. Files: ${counts.files}; source words: ${counts.words} (mean ${Math.round(counts.words / Math.max(counts.files, 1))}).`,
  '',
  '| | count |',
  '|---|---:|',
  `| articles | ${counts.files} |`,
  `| sentences | ${counts.sentences} |`,
  `| faulty | ${faulty} (${((100 * faulty) / Math.max(counts.sentences, 1)).toFixed(1)}%) |`,
];
for (const l of LABELS) out.push(`| **${l}** | ${counts[l] ?? 0} |`);
for (const k of SUPPORTED_KINDS) out.push(`| supported / ${k} | ${counts[`supported/${k}`] ?? 0} |`);
for (const k of FAULTY_KINDS) out.push(`| ${LABEL_OF_KIND[k]} / ${k} | ${counts[`${LABEL_OF_KIND[k]}/${k}`] ?? 0} |`);
console.log(out.join('\n'));
if (errors.length) { console.error(`\n${errors.length} problem(s):\n${errors.join('\n')}`); process.exit(1); }
