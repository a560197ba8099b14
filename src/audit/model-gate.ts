// The gate for sentences a language model wrote. Each is audited against the article (as one document, so
// "he" can mean whom the sentence before named); one that the audit does not support is repaired (one
// re-prompt with the findings), else replaced by the source sentence(s) it paraphrases, else dropped. What
// survives is audited again in its final neighbourhood before it is published: no sentence is published
// that the auditor did not support where it stands.
import type { Article, AuditedSentence, AuditFinding, AuditReport, GateOutcome, Sentence, SourceSpan, Summary, SummarySentence } from '../model.js';
import { wordCount } from '../text/words.js';
import { assessStandings } from '../summarize/standalone.js';
import { align, prepareSource, wordKeys, type PreparedSource } from './align.js';
import { ruleBackend, SUPPORT_COVERAGE } from './rules.js';
import { languageProfile } from '../text/languages/index.js';

/** A sentence as the model wrote it, with the 0-based source sentences it cited (possibly none). */
export interface ModelDraft {
  text: string;
  cites: number[];
}

/** A draft the audit rejected, as the repair prompt shows it. */
export interface RejectedDraft {
  text: string;
  findings: AuditFinding[];
  evidence: Sentence[];
}

/** Asks the model once to rewrite the rejected drafts; one answer per draft, undefined when it gave none. */
export type RepairDrafts = (rejected: RejectedDraft[]) => Promise<Array<ModelDraft | undefined>>;

export interface ModelGateOptions {
  /** Recorded as the summary's method, e.g. `llm-v1`. */
  method: string;
  /** The summary's word budget; sentences past it are dropped from the end. */
  maxWords: number;
  repair?: RepairDrafts;
}

export type GateCounts = Record<GateOutcome, number>;

export interface ModelGated {
  summary: Summary;
  /** Every draft with its verdict and `gate` outcome, followed where it applies by what replaced it. */
  audit: AuditReport;
  counts: GateCounts;
}

/**
 * Source sentences one rejected draft may be replaced by: it paraphrased two or three facts at most, and
 * a longer patchwork of source sentences reads as a different summary.
 */
const MAX_REPLACEMENT_SENTENCES = 2;

interface Slot {
  draft: AuditedSentence;
  outcome: GateOutcome;
  /** The model's text being published (kept or repaired); undefined once replaced or dropped. */
  text?: string;
  cites: number[];
  replacement: Sentence[];
}

export async function gateModelDrafts(article: Article, drafts: ModelDraft[], options: ModelGateOptions): Promise<ModelGated> {
  const source = prepareSource(article.text, languageProfile(article.lang));
  const standsAlone = assessStandings(source.sentences, { language: source.language }).map((s) => s.kind === 'standalone');
  const first = ruleBackend.auditSentences(drafts.map((d) => d.text), source);
  const slots: Slot[] = drafts.map((d, i) => {
    const draft = first[i]!;
    return draft.verdict === 'supported'
      ? { draft, outcome: 'kept', text: d.text, cites: d.cites, replacement: [] }
      : { draft, outcome: 'dropped', cites: d.cites, replacement: [] };
  });

  const rejected = slots.filter((s) => s.outcome !== 'kept');
  if (rejected.length > 0 && options.repair) {
    const answers = await options.repair(rejected.map((s) => ({ text: s.draft.text, findings: s.draft.findings, evidence: sentencesOf(s.draft.evidence, source) })));
    rejected.forEach((slot, i) => {
      const answer = answers[i];
      if (answer && answer.text.trim() !== '') Object.assign(slot, { outcome: 'repaired', text: answer.text, cites: answer.cites });
    });
  }
  for (const slot of rejected) if (slot.text === undefined) fallBack(slot, slots, standsAlone, source);

  // Audit the model's sentences where they stand; any that fails falls back to the source, and the rest are
  // audited again, since a neighbour's change can change what "he" means. Each round removes a sentence.
  for (let round = 0; round <= slots.length; round++) {
    const verdicts = auditInPlace(slots, source);
    const failed = slots.filter((s, i) => s.text !== undefined && verdicts[i]?.verdict !== 'supported');
    if (failed.length === 0) break;
    for (const slot of failed) fallBack(slot, slots, standsAlone, source);
  }
  trimToBudget(slots, options.maxWords);
  const final = auditInPlace(slots, source);
  return assemble(article, slots, final, source, options.method);
}

/** The final-context verdict of each slot's model text (undefined for slots without one). */
function auditInPlace(slots: Slot[], source: PreparedSource): Array<AuditedSentence | undefined> {
  const texts: string[] = [];
  const owner: number[] = [];
  slots.forEach((slot, i) => {
    if (slot.text !== undefined) {
      texts.push(slot.text);
      owner.push(i);
    }
    for (const s of slot.replacement) {
      texts.push(s.text);
      owner.push(-1);
    }
  });
  const verdicts = ruleBackend.auditSentences(texts, source);
  const bySlot: Array<AuditedSentence | undefined> = slots.map(() => undefined);
  owner.forEach((slot, k) => {
    if (slot >= 0) bySlot[slot] = verdicts[k];
  });
  return bySlot;
}

/** Replaces a rejected sentence by the source sentences its first draft paraphrased, or drops it. */
function fallBack(slot: Slot, slots: Slot[], standsAlone: boolean[], source: PreparedSource): void {
  delete slot.text;
  const used = new Set(slots.flatMap((s) => s.replacement.map((r) => r.index)));
  const usable = (i: number): boolean => Boolean(standsAlone[i]) && !used.has(i);
  slot.replacement = slot.draft.score >= SUPPORT_COVERAGE ? paraphrased(slot.draft.text, source, usable) : [];
  const replacement = slot.replacement;
  slot.outcome = replacement.length > 0 ? 'replaced' : 'dropped';
}

/**
 * The fewest source sentences (up to MAX_REPLACEMENT_SENTENCES) that carry a rejected sentence's words, in
 * article order: the best-aligned one alone when it holds enough of the claim, else with the next best.
 */
function paraphrased(text: string, source: PreparedSource, usable: (i: number) => boolean): Sentence[] {
  const keys = wordKeys(text, source.language);
  const { evidence } = align(keys, source, usable);
  const chosen: number[] = [];
  for (const i of evidence.slice(0, MAX_REPLACEMENT_SENTENCES)) {
    chosen.push(i);
    if (align(keys, source, (j) => chosen.includes(j)).coverage >= SUPPORT_COVERAGE) break;
  }
  return chosen.sort((a, b) => a - b).map((i) => source.sentences[i]!);
}

/** Drops sentences from the end while the summary is over its word budget (always keeping one). */
function trimToBudget(slots: Slot[], maxWords: number): void {
  const words = slots.map((s) => (s.text !== undefined ? wordCount(s.text) : 0) + s.replacement.reduce((n, r) => n + wordCount(r.text), 0));
  for (const i of overBudget(words, maxWords)) {
    const slot = slots[i]!;
    delete slot.text;
    slot.replacement = [];
    slot.outcome = 'dropped';
    slot.draft = { ...slot.draft, findings: [...slot.draft.findings, { kind: 'length', detail: `over the summary's budget of ${maxWords} words` }] };
  }
}

/**
 * Which parts (given their word counts, in order) to drop from the end until the rest fits `maxWords`: parts
 * with no words are passed over, and one part with words is always kept.
 */
export function overBudget(words: readonly number[], maxWords: number): number[] {
  let total = words.reduce((n, w) => n + w, 0);
  let left = words.filter((w) => w > 0).length;
  const dropped: number[] = [];
  for (let i = words.length - 1; i >= 0 && total > maxWords && left > 1; i--) {
    if (words[i]! === 0) continue;
    total -= words[i]!;
    left -= 1;
    dropped.push(i);
  }
  return dropped;
}

function assemble(article: Article, slots: Slot[], final: Array<AuditedSentence | undefined>, source: PreparedSource, method: string): ModelGated {
  const sentences: SummarySentence[] = [];
  const audited: AuditedSentence[] = [];
  const counts: GateCounts = { kept: 0, repaired: 0, replaced: 0, dropped: 0 };
  slots.forEach((slot, i) => {
    counts[slot.outcome] += 1;
    const verdict = final[i];
    if (slot.text !== undefined && verdict) {
      const evidence = verdict.evidence;
      sentences.push({ text: slot.text, source: evidence, edits: [], method: slot.outcome === 'kept' ? 'llm' : 'llm-repaired' });
      const findings = [...verdict.findings, ...citationFindings(slot.cites, evidence, source)];
      if (slot.outcome === 'kept') audited.push({ ...verdict, findings, gate: 'kept' });
      else audited.push({ ...slot.draft, gate: 'repaired' }, { ...verdict, findings });
      return;
    }
    audited.push({ ...slot.draft, gate: slot.outcome });
    for (const s of slot.replacement) {
      const span: SourceSpan = { sentence: s.index, start: s.start, end: s.end };
      sentences.push({ text: s.text, source: [span], edits: [], method: 'extractive' });
      audited.push({ text: s.text, verdict: 'supported', score: 1, evidence: [span], findings: [] });
    }
  });
  const text = sentences.map((s) => s.text).join(' ');
  return {
    summary: { articleId: article.id, text, sentences, wordCount: wordCount(text), method },
    audit: { articleId: article.id, sentences: audited },
    counts,
  };
}

/** Said, not held against the sentence, when the model cited sentences other than those the auditor found. */
function citationFindings(cites: number[], evidence: SourceSpan[], source: PreparedSource): AuditFinding[] {
  if (cites.length === 0 || evidence.some((e) => cites.includes(e.sentence))) return [];
  const shown = cites.map((c) => c + 1).join(', ');
  return [{ kind: 'citation', detail: `cited sentence${cites.length === 1 ? '' : 's'} ${shown}; the article says it in sentence ${evidence.map((e) => e.sentence + 1).join(', ')} of ${source.sentences.length}` }];
}

function sentencesOf(evidence: SourceSpan[], source: PreparedSource): Sentence[] {
  return evidence.map((e) => source.sentences[e.sentence]).filter((s): s is Sentence => s !== undefined);
}
