// The gate for a story digest a language model wrote. Each sentence is audited, on its own, against the
// article it cites (against every article of the story when it cites none) by the same auditor as an
// article summary's sentences; it must also stand alone, since the digest's sentences come from several
// articles and a "he" could point at another article's person. A sentence that fails is repaired (one
// re-prompt with the findings for all of them), else replaced by the source sentence it cited (verbatim),
// else dropped. Only what passed is returned as the digest, each sentence with its article and source spans.
import type { Article, AuditedSentence, Sentence, SourceSpan, StorySummary, SummarySentence } from '../../model.js';
import { align, prepareSource, SUPPORT_COVERAGE, wordKeys, type PreparedSource } from '../../audit/align.js';
import { ruleBackend } from '../../audit/rules.js';
import { overBudget, type GateCounts } from '../../audit/model-gate.js';
import { languageProfile, type LanguageProfile } from '../../text/languages/index.js';
import { wordCount } from '../../text/words.js';
import { assessStandings } from '../standalone.js';
import type { DigestCite, DigestDraft } from './digest-parse.js';
import type { DigestRepairRequest } from './digest-prompt.js';

/** Asks the model once to rewrite the rejected sentences; one answer per sentence, undefined when it gave none. */
export type RepairDigest = (rejected: DigestRepairRequest[]) => Promise<Array<DigestDraft | undefined>>;

export interface DigestGateOptions {
  /** Recorded as the digest's method, e.g. `llm-digest-v1`. */
  method: string;
  /** Longest digest in words; sentences past it are dropped from the end (one is always kept). */
  maxWords: number;
  repair?: RepairDigest;
}

export interface GatedDigest {
  /** What may be published: every sentence passed the gate; empty when none did. */
  digest: StorySummary;
  /** Every draft with its verdict, the article it was checked against and the gate's outcome, then what replaced it. */
  audit: AuditedSentence[];
  counts: GateCounts;
}

/** One of the story's articles, read once for every sentence checked against it. */
interface StoryArticle {
  article: Article;
  source: PreparedSource;
  standsAlone: boolean[];
}

/** A sentence's audit against the article it was checked against (an index into the story's articles). */
interface Checked {
  verdict: AuditedSentence;
  article: number;
}

interface Slot {
  draft: DigestDraft;
  first: Checked;
  outcome: keyof GateCounts;
  /** What is published in the slot: the model's text (kept or repaired) with its audit, or a source sentence. */
  published?: { text: string; article: number; source: SourceSpan[]; method: 'llm' | 'llm-repaired' | 'extractive'; repair?: AuditedSentence };
}

export async function gateDigestDrafts(articles: readonly Article[], drafts: readonly DigestDraft[], options: DigestGateOptions): Promise<GatedDigest> {
  const story = articles.map((article): StoryArticle => {
    const source = prepareSource(article.text, languageProfile(article.lang));
    const standsAlone = assessStandings(source.sentences, { language: source.language }).map((s) => s.kind === 'standalone');
    return { article, source, standsAlone };
  });
  const slots: Slot[] = drafts.map((draft) => {
    const first = check(draft.text, draft.cites, story);
    return first.verdict.verdict === 'supported'
      ? { draft, first, outcome: 'kept', published: { text: draft.text, article: first.article, source: first.verdict.evidence, method: 'llm' } }
      : { draft, first, outcome: 'dropped' };
  });

  const rejected = slots.filter((s) => s.outcome !== 'kept');
  if (rejected.length > 0 && options.repair) {
    const answers = await options.repair(
      rejected.map((s) => ({ text: s.draft.text, findings: s.first.verdict.findings, article: s.first.article, evidence: sentencesOf(s.first.verdict.evidence, story[s.first.article]!.source) })),
    );
    rejected.forEach((slot, i) => {
      const answer = answers[i];
      if (!answer || answer.text.trim() === '') return;
      const again = check(answer.text, answer.cites.length > 0 ? answer.cites : slot.draft.cites, story);
      if (again.verdict.verdict !== 'supported') return;
      slot.outcome = 'repaired';
      slot.published = { text: answer.text, article: again.article, source: again.verdict.evidence, method: 'llm-repaired', repair: { ...again.verdict, articleId: story[again.article]!.article.id } };
    });
  }
  const used = new Set(slots.flatMap((s) => (s.published ? s.published.source.map((span) => `${s.published!.article}:${span.sentence}`) : [])));
  for (const slot of rejected) if (!slot.published) replaceOrDrop(slot, story, used);
  trimToBudget(slots, options.maxWords);
  return assemble(story, slots, options.method);
}

/**
 * Audits a sentence against the articles it cites, or every article when it cites none: the first that
 * supports it is its article; when none does, the one that came closest (its findings go to the repair).
 */
function check(text: string, cites: readonly DigestCite[], story: readonly StoryArticle[]): Checked {
  const cited = [...new Set(cites.map((c) => c.article))].filter((a) => a < story.length);
  const candidates = cited.length > 0 ? cited : story.map((_, i) => i);
  let closest: Checked | undefined;
  for (const article of candidates) {
    const { source } = story[article]!;
    const verdict = withStanding(ruleBackend.auditSentences([text], source)[0]!, source.language);
    if (verdict.verdict === 'supported') return { verdict, article };
    if (!closest || verdict.score > closest.verdict.score) closest = { verdict, article };
  }
  return closest!;
}

/** A supported sentence that points back at one before it ("He said…", a bare quote) is not supported where a digest puts it. */
function withStanding(verdict: AuditedSentence, language: LanguageProfile): AuditedSentence {
  const text = verdict.text;
  const [standing] = assessStandings([{ index: 0, text, start: 0, end: text.length, paragraph: 0 }], { language });
  const reason = standing?.kind === 'needs-antecedent' ? standing.reason : standing?.kind === 'excluded' && /quotation/.test(standing.reason) ? standing.reason : undefined;
  if (!reason) return verdict;
  return {
    ...verdict,
    verdict: verdict.verdict === 'supported' ? 'unsupported' : verdict.verdict,
    findings: [...verdict.findings, { kind: 'standalone', detail: `a digest sentence must stand alone; this one does not (${reason})` }],
  };
}

/**
 * A rejected sentence gives way to the source sentence it paraphrased, verbatim: among the sentences it cited
 * in its article (any of that article's when it cited none), the one that carries most of its words, if it
 * was at least half-supported and that sentence stands alone and is not in the digest already. Else dropped.
 */
function replaceOrDrop(slot: Slot, story: readonly StoryArticle[], used: Set<string>): void {
  const { article, verdict } = slot.first;
  const { source, standsAlone } = story[article]!;
  const cited = slot.draft.cites.filter((c) => c.article === article && c.sentence !== undefined).map((c) => c.sentence!);
  const usable = (i: number): boolean => (cited.length === 0 || cited.includes(i)) && Boolean(standsAlone[i]) && !used.has(`${article}:${i}`);
  const best = verdict.score >= SUPPORT_COVERAGE ? align(wordKeys(verdict.text, source.language), source, usable).evidence[0] : undefined;
  if (best === undefined) return;
  const sentence = source.sentences[best]!;
  used.add(`${article}:${best}`);
  slot.outcome = 'replaced';
  slot.published = { text: sentence.text, article, source: [span(sentence)], method: 'extractive' };
}

/** Drops sentences from the end while the digest is over its word budget, always keeping one. */
function trimToBudget(slots: Slot[], maxWords: number): void {
  for (const i of overBudget(slots.map((s) => (s.published ? wordCount(s.published.text) : 0)), maxWords)) {
    const slot = slots[i]!;
    delete slot.published;
    slot.outcome = 'dropped';
    slot.first = { ...slot.first, verdict: { ...slot.first.verdict, findings: [...slot.first.verdict.findings, { kind: 'length', detail: `over the digest's budget of ${maxWords} words` }] } };
  }
}

function assemble(story: readonly StoryArticle[], slots: readonly Slot[], method: string): GatedDigest {
  const sentences: SummarySentence[] = [];
  const audit: AuditedSentence[] = [];
  const counts: GateCounts = { kept: 0, repaired: 0, replaced: 0, dropped: 0 };
  for (const slot of slots) {
    counts[slot.outcome] += 1;
    audit.push({ ...slot.first.verdict, gate: slot.outcome, articleId: story[slot.first.article]!.article.id });
    const published = slot.published;
    if (!published) continue;
    const articleId = story[published.article]!.article.id;
    sentences.push({ text: published.text, source: published.source, edits: [], articleId, method: published.method });
    if (published.repair) audit.push(published.repair);
    if (published.method === 'extractive') audit.push({ text: published.text, verdict: 'supported', score: 1, evidence: published.source, findings: [], articleId });
  }
  const text = sentences.map((s) => s.text).join(' ');
  return { digest: { articleIds: story.map((s) => s.article.id), text, sentences, wordCount: wordCount(text), method }, audit, counts };
}

function span(sentence: Sentence): SourceSpan {
  return { sentence: sentence.index, start: sentence.start, end: sentence.end };
}

function sentencesOf(evidence: readonly SourceSpan[], source: PreparedSource): Sentence[] {
  return evidence.map((e) => source.sentences[e.sentence]).filter((s): s is Sentence => s !== undefined);
}
