// `npm run eval:audit`: the auditor on the labelled cases in eval/audit/cases, beside a bag-of-words
// overlap baseline computed in the same run. Prints per-label precision/recall, balanced accuracy and
// the false-alarm rate on faithful paraphrases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AuditVerdict } from '../src/model.js';
import { ruleBackend } from '../src/audit/index.js';
import { splitSentences } from '../src/text/sentences.js';
import { contentTokens, stem } from '../src/text/words.js';
import { computeMetrics, LABELS, type Metrics, type Prediction } from './audit-metrics.js';

/** Compiled to dist/eval/, so the cases are two folders up. */
const CASES_DIR = fileURLToPath(new URL('../../eval/audit/cases/', import.meta.url));

/**
 * The baseline calls a sentence supported when one source sentence holds at least half of its content
 * words: the usual overlap heuristic, with the same share the rule backend uses for coverage.
 */
const BASELINE_OVERLAP = 0.5;

interface Case {
  id: string;
  source: string;
  summary: { text: string; label: AuditVerdict; kind: string }[];
}

function loadCases(): Case[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(CASES_DIR, f), 'utf8')) as Omit<Case, 'id'>) }));
}

function baseline(source: string, sentence: string): AuditVerdict {
  const claim = new Set(contentTokens(sentence).map(stem));
  if (claim.size === 0) return 'unsupported';
  let best = 0;
  for (const s of splitSentences(source)) {
    const words = new Set(contentTokens(s.text).map(stem));
    let shared = 0;
    for (const w of claim) if (words.has(w)) shared += 1;
    best = Math.max(best, shared / claim.size);
  }
  return best >= BASELINE_OVERLAP ? 'supported' : 'unsupported';
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

function report(name: string, m: Metrics): void {
  console.log(`\n${name}`);
  console.log(`  label           precision  recall  n`);
  for (const label of LABELS) {
    const l = m.perLabel[label];
    console.log(`  ${label.padEnd(15)} ${pct(l.precision)}   ${pct(l.recall)}  ${l.support}`);
  }
  console.log(`  balanced accuracy (4 labels):            ${m.balancedAccuracy.toFixed(3)}`);
  console.log(`  balanced accuracy (supported / flagged): ${m.binaryBalancedAccuracy.toFixed(3)}`);
  console.log(`  false alarms on faithful paraphrases:    ${pct(m.paraphraseFalseAlarms).trim()}`);
  console.log(`  accuracy:                                ${m.accuracy.toFixed(3)}`);
}

const cases = loadCases();
const ours: Prediction[] = [];
const base: Prediction[] = [];
const misses: string[] = [];
for (const c of cases) {
  const prepared = ruleBackend.prepare(c.source);
  const verdicts = ruleBackend.auditSentences(c.summary.map((s) => s.text), prepared);
  c.summary.forEach((s, i) => {
    const predicted = verdicts[i]!.verdict;
    ours.push({ label: s.label, predicted, kind: s.kind });
    base.push({ label: s.label, predicted: baseline(c.source, s.text), kind: s.kind });
    if (predicted !== s.label && process.argv.includes('--verbose')) {
      misses.push(`${c.id} [${s.kind}] expected ${s.label}, got ${predicted}: ${s.text}\n    ${verdicts[i]!.findings.map((f) => f.kind + ': ' + f.detail).join('; ')}`);
    }
  });
}
console.log(`audit evaluation: ${cases.length} source articles, ${ours.length} labelled summary sentences`);
report(`ours (${ruleBackend.name})`, computeMetrics(ours));
report(`baseline (bag-of-words overlap ≥ ${BASELINE_OVERLAP} with one source sentence)`, computeMetrics(base));
const kinds = [...new Set(ours.map((p) => p.kind))].sort();
console.log('\nours, correct by kind:');
for (const kind of kinds) {
  const of = ours.filter((p) => p.kind === kind);
  console.log(`  ${kind.padEnd(16)} ${of.filter((p) => p.label === p.predicted).length}/${of.length}`);
}
if (misses.length) console.log(`\n${misses.join('\n')}`);
