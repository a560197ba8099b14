// Validates a held-out audit set and prints its counts per label and kind. The set is a test set: there is no
// split. Run from the repository root:
//   node eval/audit/heldout2/stats.mjs            (this folder)
//   node eval/audit/heldout2/stats.mjs FOLDER     (another set in the same format)
// Other sets import `auditSetStats` and pass their own limits (see ../heldout3/stats.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FAULTY_KINDS, LABEL_OF_KIND, LABELS, SUPPORTED_KINDS, summaryItemErrors } from '../taxonomy.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** This set's limits; other sets override them. */
export const DEFAULT_LIMITS = { minWords: 200, maxWords: 450, minSentences: 6, maxSentences: 9, faultsPerKind: undefined };

/**
 * Reads every NN-slug.yaml in `dir`, checks it against `limits` and returns the counts table (`lines`) and
 * the problems found (`errors`, empty when the set is valid). `faultsPerKind`, when set, is the number of
 * times every fault kind must appear.
 */
export function auditSetStats(dir, limits = {}) {
  const { minWords, maxWords, minSentences, maxSentences, faultsPerKind } = { ...DEFAULT_LIMITS, ...limits };
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
    if (words < minWords || words > maxWords) errors.push(`${f}: source has ${words} words (want ${minWords}-${maxWords})`);
    if (/\n\s*\n/.test(doc.source.trim())) errors.push(`${f}: blank line in source`);
    const s = doc.summary;
    if (!Array.isArray(s) || s.length < minSentences || s.length > maxSentences) {
      errors.push(`${f}: summary must have ${minSentences}-${maxSentences} items`);
      continue;
    }
    counts.files++;
    counts.words += words;
    s.forEach((it, i) => {
      errors.push(...summaryItemErrors(it, `${f} [${i + 1}]`));
      counts.sentences++;
      add(it.label);
      add(`${it.label}/${it.kind}`);
    });
  }
  if (faultsPerKind !== undefined) {
    for (const k of FAULTY_KINDS) {
      const n = counts[`${LABEL_OF_KIND[k]}/${k}`] ?? 0;
      if (n !== faultsPerKind) errors.push(`kind ${k} appears ${n} times (want ${faultsPerKind})`);
    }
  }

  const faulty = counts.sentences - (counts.supported ?? 0);
  const lines = [
    `Test set, no split. Files: ${counts.files}; source words: ${counts.words} (mean ${Math.round(counts.words / Math.max(counts.files, 1))}).`,
    '',
    '| | count |',
    '|---|---:|',
    `| articles | ${counts.files} |`,
    `| sentences | ${counts.sentences} |`,
    `| faulty | ${faulty} (${((100 * faulty) / Math.max(counts.sentences, 1)).toFixed(1)}%) |`,
  ];
  for (const l of LABELS) lines.push(`| **${l}** | ${counts[l] ?? 0} |`);
  for (const k of SUPPORTED_KINDS) lines.push(`| supported / ${k} | ${counts[`supported/${k}`] ?? 0} |`);
  for (const k of FAULTY_KINDS) lines.push(`| ${LABEL_OF_KIND[k]} / ${k} | ${counts[`${LABEL_OF_KIND[k]}/${k}`] ?? 0} |`);
  return { lines, errors };
}

/** Prints the counts of the set in `dir`, and its problems to stderr with a non-zero exit code. */
export function printAuditSetStats(dir, limits) {
  const { lines, errors } = auditSetStats(dir, limits);
  console.log(lines.join('\n'));
  if (errors.length) { console.error(`\n${errors.length} problem(s):\n${errors.join('\n')}`); process.exitCode = 1; }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printAuditSetStats(process.argv[2] ? resolve(process.argv[2]) : here);
}
