// `npm run eval:audit`: the auditor on the labelled sets (eval/audit-sets.ts: four tuned on by now, and the
// third held-out set, a test set), each beside a bag-of-words overlap baseline computed in the same run.
// Prints per-label precision/recall, balanced accuracy, false alarms on supported sentences and the
// detection rate per fault kind. `--verbose` lists misses, never a test set's. `--tune-only` leaves the
// test set unread: what to run while changing the rules.
// `--llm-url URL --llm-model NAME` scores the rules plus a model's entailment check instead (key from
// NEWSDESK_LLM_API_KEY): only a real model makes that number mean anything.
import { evaluateModelGate } from './llm/evaluate.js';
import { parseArgs } from 'node:util';
import type { AuditVerdict } from '../src/model.js';
import { ruleBackend, type AuditBackend } from '../src/audit/index.js';
import { llmBackend } from '../src/audit/llm/backend.js';
import { API_KEY_ENV, DEFAULT_LLM_AUDIT_OPTIONS } from '../src/audit/llm/options.js';
import { splitSentences } from '../src/text/sentences.js';
import { contentTokens, stem, stemIn } from '../src/text/words.js';
import { computeMetrics, kindRates, LABELS, type Metrics, type Prediction } from './audit-metrics.js';
import { loadAuditSets, loadLanguageAuditSets, type AuditSet } from './audit-sets.js';
import { languageProfile } from '../src/text/languages/index.js';

/**
 * The baseline calls a sentence supported when one source sentence holds at least half of its content
 * words: the usual overlap heuristic, with the same share the rule backend uses for coverage.
 */
const BASELINE_OVERLAP = 0.5;

const { values: args } = parseArgs({ options: { verbose: { type: 'boolean' }, 'tune-only': { type: 'boolean' }, 'llm-url': { type: 'string' }, 'llm-model': { type: 'string' } } });
const verbose = args.verbose === true;
const apiKey = process.env[API_KEY_ENV];
const backend: AuditBackend<unknown> =
  args['llm-url'] && args['llm-model']
    ? (llmBackend({ ...DEFAULT_LLM_AUDIT_OPTIONS, url: args['llm-url'], model: args['llm-model'] }, apiKey ? { apiKey } : {}) as AuditBackend<unknown>)
    : (ruleBackend as AuditBackend<unknown>);

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

function report(set: AuditSet, ours: Metrics, base: Metrics, oursPredictions: readonly Prediction[], basePredictions: readonly Prediction[]): void {
  const n = set.cases.reduce((sum, c) => sum + c.summary.length, 0);
  console.log(`\n${set.name}: ${set.cases.length} articles, ${n} sentences (${set.note})`);
  console.log(`                      ours (${backend.name})          baseline (bag of words)`);
  console.log(`  label           precision  recall    precision  recall      n`);
  for (const label of LABELS) {
    const o = ours.perLabel[label];
    const b = base.perLabel[label];
    console.log(`  ${label.padEnd(15)} ${pct(o.precision)}   ${pct(o.recall)}      ${pct(b.precision)}   ${pct(b.recall)}  ${String(o.support).padStart(4)}`);
  }
  const row = (name: string, a: string, b: string) => console.log(`  ${name.padEnd(40)} ${a.padStart(7)}      ${b.padStart(7)}`);
  row('balanced accuracy (4 labels)', ours.balancedAccuracy.toFixed(3), base.balancedAccuracy.toFixed(3));
  row('balanced accuracy (supported / flagged)', ours.binaryBalancedAccuracy.toFixed(3), base.binaryBalancedAccuracy.toFixed(3));
  row('false alarms on supported sentences', pct(ours.falseAlarms).trim(), pct(base.falseAlarms).trim());
  row('accuracy', ours.accuracy.toFixed(3), base.accuracy.toFixed(3));
  console.log('  by kind (faulty: share flagged, right label in brackets; supported: share kept)');
  const baseRates = new Map(kindRates(basePredictions).map((r) => [r.kind, r]));
  for (const r of kindRates(oursPredictions)) {
    const b = baseRates.get(r.kind)!;
    const ourText = r.faulty ? `${pct(r.detected)} (${pct(r.rightLabel).trim()})` : pct(r.detected);
    console.log(`    ${r.label.slice(0, 6)} ${r.kind.padEnd(20)} ${ourText.padEnd(18)} ${pct(b.detected)}   ${String(r.n).padStart(4)}`);
  }
}

console.log(`audit evaluation: ours (${backend.name}) beside a baseline (bag-of-words overlap ≥ ${BASELINE_OVERLAP} with one source sentence)`);
if (backend === ruleBackend) {
  console.log('the model check is not scored: pass --llm-url URL --llm-model NAME with a real model (a scripted fake server would only score its script)');
}
if (args['tune-only']) console.log('--tune-only: the test set is not read');
for (const set of loadAuditSets().filter((s) => !(args['tune-only'] && s.test))) {
  const ours: Prediction[] = [];
  const base: Prediction[] = [];
  const misses: string[] = [];
  for (const c of set.cases) {
    const verdicts = await backend.auditSentences(
      c.summary.map((s) => s.text),
      backend.prepare(c.source),
    );
    c.summary.forEach((s, i) => {
      const predicted = verdicts[i]!.verdict;
      ours.push({ label: s.label, predicted, kind: s.kind });
      base.push({ label: s.label, predicted: baseline(c.source, s.text), kind: s.kind });
      if (set.listMisses && verbose && predicted !== s.label) {
        const findings = verdicts[i]!.findings.map((f) => `${f.kind}: ${f.detail}`).join('; ');
        misses.push(`  ${c.id} [${s.kind}] expected ${s.label}, got ${predicted}: ${s.text}\n      ${findings}`);
      }
    });
  }
  report(set, computeMetrics(ours), computeMetrics(base), ours, base);
  if (misses.length > 0) console.log(`  misses:\n${misses.join('\n')}`);
}

// By language: each language's cases audited in their language, beside the same auditor told no language
// (the English rules it had before) and the bag-of-words baseline in the language's words.
function languageBaseline(source: string, sentence: string, lang: string): AuditVerdict {
  const language = languageProfile(lang);
  const bag = (text: string) => new Set(contentTokens(text, language).map((t) => stemIn(t, language)));
  const claim = bag(sentence);
  if (claim.size === 0) return 'unsupported';
  let best = 0;
  for (const s of splitSentences(source, lang)) {
    const words = bag(s.text);
    let shared = 0;
    for (const w of claim) if (words.has(w)) shared += 1;
    best = Math.max(best, shared / claim.size);
  }
  return best >= BASELINE_OVERLAP ? 'supported' : 'unsupported';
}

const LANGUAGE_SYSTEMS = ['ours', 'English rules', 'baseline'] as const;
const byLanguage = new Map<string, Prediction[]>(LANGUAGE_SYSTEMS.map((s) => [s, []]));
console.log('\nby language (eval/audit/languages: summary sentences written in the language of their article, labelled by hand)');
console.log(`ours: audited in the article's language; English rules: the same rules told no language; baseline: bag of words in the language`);
console.log(`lang     n │ ${LANGUAGE_SYSTEMS.map((s) => `${s.padEnd(13)} bal.acc  flagged/kept`).join(' │ ')}`);
for (const set of loadLanguageAuditSets()) {
  const predictions = new Map<string, Prediction[]>(LANGUAGE_SYSTEMS.map((s) => [s, []]));
  const misses: string[] = [];
  for (const c of set.cases) {
    const texts = c.summary.map((s) => s.text);
    const ours = await backend.auditSentences(texts, backend.prepare(c.source, set.lang));
    const english = await backend.auditSentences(texts, backend.prepare(c.source));
    c.summary.forEach((s, i) => {
      const kind = s.kind;
      predictions.get('ours')!.push({ label: s.label, predicted: ours[i]!.verdict, kind });
      predictions.get('English rules')!.push({ label: s.label, predicted: english[i]!.verdict, kind });
      predictions.get('baseline')!.push({ label: s.label, predicted: languageBaseline(c.source, s.text, set.lang), kind });
      if (verbose && ours[i]!.verdict !== s.label) {
        misses.push(`  ${c.id} [${kind}] expected ${s.label}, got ${ours[i]!.verdict}: ${s.text}\n      ${ours[i]!.findings.map((f) => `${f.kind}: ${f.detail}`).join('; ')}`);
      }
    });
  }
  const cells = LANGUAGE_SYSTEMS.map((system) => {
    const list = predictions.get(system)!;
    byLanguage.get(system)!.push(...list);
    const m = computeMetrics(list);
    const faulty = list.filter((p) => p.label !== 'supported');
    const flagged = faulty.filter((p) => p.predicted !== 'supported').length;
    const faithful = list.filter((p) => p.label === 'supported');
    const kept = faithful.filter((p) => p.predicted === 'supported').length;
    return `${' '.repeat(13)} ${m.balancedAccuracy.toFixed(3)}  ${`${flagged}/${faulty.length}`.padStart(5)} ${`${kept}/${faithful.length}`.padStart(5)}`;
  });
  const n = set.cases.reduce((sum, c) => sum + c.summary.length, 0);
  console.log(`${set.lang.padEnd(4)} ${String(n).padStart(4)} │ ${cells.join(' │ ')}`);
  if (misses.length > 0) console.log(`  misses:\n${misses.join('\n')}`);
}
console.log('  by kind, all languages (faulty: share flagged, right label in brackets; supported: share kept)');
const englishRates = new Map(kindRates(byLanguage.get('English rules')!).map((r) => [r.kind, r]));
console.log(`    ${'kind'.padEnd(27)} ${'ours'.padEnd(18)} English rules`);
for (const r of kindRates(byLanguage.get('ours')!)) {
  const e = englishRates.get(r.kind)!;
  const cell = (x: typeof r) => (x.faulty ? `${pct(x.detected)} (${pct(x.rightLabel).trim()})` : pct(x.detected));
  console.log(`    ${r.label.slice(0, 6)} ${r.kind.padEnd(20)} ${cell(r).padEnd(18)} ${cell(e).padEnd(18)} ${String(r.n).padStart(4)}`);
}

// The gate for model-written sentences on injected faults (eval/llm/, a loopback fake server): a draft
// counts as flagged when its first audit did not support it.
const gate = await evaluateModelGate();
const share = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '-');
console.log('');
console.log('gate on injected faults (model drafts from the fake server; npm run eval:llm for the detail)');
for (const [label, tally] of [['cases the rules are meant to catch', gate.caught], ['all cases', gate.all]] as const) {
  console.log(`  ${label.padEnd(34)} precision ${share(tally.flaggedFaults, tally.flagged).padStart(6)}  recall ${share(tally.flaggedFaults, tally.faults).padStart(6)}  (${tally.faults} faults)`);
}
