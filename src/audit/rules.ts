// The rule backend: align each summary sentence to source sentences, then check who-did-what
// (speakers, subjects, "both said"), numbers, dates, roles, negation, names and quotations.
import type { AuditedSentence, AuditFinding, AuditVerdict } from '../model.js';
import type { SyncAuditBackend } from './backend.js';
import { align, claimKeys, normalizeForQuote, peopleIn, prepareSource, wordKeys, type Alignment, type PreparedSource } from './align.js';
import { analyzePeople, type SentenceActors } from '../text/speakers.js';
import { findDates, properNouns } from '../text/entities.js';
import { checkRoles } from './roles.js';
import { checkNumbers } from './numbers.js';
import { checkDates } from './dates.js';
import { modalityShift } from './modality.js';
import { unlinkedClaim } from './discourse.js';
import { placeSwap } from './places.js';
import { groupSubject, namesGroup, scopeShift } from './quantifiers.js';
import { antonymFlip, negatedAntonym, negatesMatched, negationWords, withoutPeople } from './polarity.js';
import { perSentence } from './sentence-cache.js';
import { languageProfile } from '../text/languages/index.js';

/**
 * Share of a summary sentence's (rarity-weighted) words the evidence must hold for the claim to count
 * as stated in the source. Half: a faithful paraphrase keeps the rare words (names, numbers, the
 * specific nouns and verbs) even when it rewords the rest, while an invented claim brings its own.
 */
export const SUPPORT_COVERAGE = 0.5;

/**
 * A negation difference only counts when one source sentence alone holds this share of the claim:
 * then both are the same proposition and one of them denies it.
 */
const SAME_PROPOSITION = 0.6;

/**
 * Share of an inexact quotation's (rarity-weighted) words one source passage must hold for it to count
 * as that passage altered rather than a quotation made up.
 */
const ALTERED_QUOTE = 0.6;

export const ruleBackend: SyncAuditBackend<PreparedSource> = {
  name: 'rules',
  prepare: (sourceText, lang) => prepareSource(sourceText, languageProfile(lang)),
  auditSentences(summarySentences, source) {
    const claims = analyzePeople(summarySentences, source.people.people, source.language);
    return summarySentences.map((text, i) => auditOne(text, claims.sentences[i]!, source));
  },
};

/** The people a sentence makes the source of its claim: the speakers when it has any, else its subject. */
function claimSources(actors: SentenceActors): string[] {
  return actors.speakers.length > 0 ? actors.speakers : actors.actors;
}

function auditOne(text: string, actors: SentenceActors, source: PreparedSource): AuditedSentence {
  const findings: AuditFinding[] = [];
  const keys = claimKeys(text, source);
  const full = align(keys, source);
  let alignment: Alignment = full;
  let misattributed = false;
  const name = (key: string) => source.people.people.get(key)?.name ?? key;
  const sourcesOf = (i: number) => claimSources(source.people.sentences[i]!);

  const claimed = claimSources(actors);
  // Who-did-what compares what was said, so the credited people's names and titles are left out:
  // otherwise "Road commissioner Elena Vasquez said…" would match Ms. Vasquez's own sentences by her name.
  const content = withoutPeople(text, source);
  const contentKeys = claimKeys(content, source);
  const contentFull = align(contentKeys, source);
  if (full.coverage >= SUPPORT_COVERAGE) {
    if (actors.collective || claimed.length >= 2) {
      const saidBy = new Set(contentFull.evidence.flatMap(sourcesOf));
      const missing = claimed.filter((k) => !saidBy.has(k));
      if ((actors.collective && saidBy.size === 1) || (claimed.length >= 2 && missing.length > 0 && saidBy.size > 0)) {
        misattributed = true;
        findings.push({
          kind: 'overgeneralization',
          detail: `the summary credits ${actors.collective ? 'several people' : claimed.map(name).join(' and ')}; in the source only ${[...saidBy].map(name).join(' and ')} said or did this`,
        });
      }
    } else if (claimed.length === 1) {
      const person = claimed[0]!;
      // "…, which Rubio agreed to address": a person credited inside a later clause is credited with
      // that clause only, so only its words are checked against what the person said or did.
      const clause = clauseOf(text, person, source);
      const clauseKeys = clause === text ? contentKeys : wordKeys(withoutPeople(clause, source), source.language);
      const clauseFull = clause === text ? contentFull : align(clauseKeys, source);
      // Sentences that could back a claim by this person: theirs, or ones that credit nobody.
      const own = align(clauseKeys, source, (i) => sourcesOf(i).length === 0 || sourcesOf(i).includes(person));
      if (own.coverage >= SUPPORT_COVERAGE) {
        if (clause === text) alignment = align(keys, source, (i) => sourcesOf(i).length === 0 || sourcesOf(i).includes(person));
      } else if (clauseFull.coverage >= SUPPORT_COVERAGE) {
        const others = [...new Set(clauseFull.evidence.flatMap(sourcesOf))].filter((k) => k !== person);
        if (others.length > 0) {
          misattributed = true;
          findings.push({ kind: 'speaker', detail: `the source credits this to ${others.map(name).join(' and ')}, not ${name(person)}` });
        }
      }
      // "Rubio praised Mexico's cooperation and noted …": each coordinated predicate is the person's
      // claim on its own, and one of them may be someone else's words.
      for (const part of misattributed || clause !== text ? [] : laterPredicates(text, person, source)) {
        const partKeys = wordKeys(withoutPeople(part, source), source.language);
        const partFull = align(partKeys, source);
        if (partFull.coverage < SUPPORT_COVERAGE) continue;
        if (align(partKeys, source, (i) => sourcesOf(i).length === 0 || sourcesOf(i).includes(person)).coverage >= SUPPORT_COVERAGE) continue;
        const others = [...new Set(partFull.evidence.flatMap(sourcesOf))].filter((k) => k !== person);
        if (others.length === 0) continue;
        misattributed = true;
        const at = partFull.evidence[0]!;
        findings.push({
          kind: 'speaker',
          detail: `“${part.trim().replace(/[.!?]+$/, '')}”: the source credits this to ${others.map(name).join(' and ')} (sentence ${at + 1}), not ${name(person)}`,
        });
        break;
      }
    }
  }

  if (!misattributed && full.coverage >= SUPPORT_COVERAGE) {
    // "Residents said…" where one resident, named, said it: the group is credited with one person's words.
    const group = groupSubject(text);
    const said = contentFull.evidence[0];
    const speakers = said === undefined ? [] : sourcesOf(said);
    if (group && said !== undefined && speakers.length === 1 && !namesGroup(source.sentences[said]!.text, group.noun)) {
      misattributed = true;
      findings.push({ kind: 'overgeneralization', detail: `the summary gives this to “${group.group}”; in the source only ${name(speakers[0]!)} said it (sentence ${said + 1})` });
    }
  }
  const scope = alignment.evidence.length > 0 ? scopeShift(text, alignment.evidence, source) : undefined;
  if (scope) findings.push({ kind: 'number', detail: `the summary says “${scope.claim}” where the source says “${scope.source}” (sentence ${scope.sentence + 1})` });

  const swap = full.coverage >= SUPPORT_COVERAGE ? placeSwap(text, source) : undefined;
  if (swap) findings.push({ kind: 'place', detail: `the summary says ${swap.claim} where the source says ${swap.source} (sentence ${swap.sentence + 1})` });

  checkQuotes(text, actors, source, findings);
  const dates = checkDates(text, alignment, source, findings);
  checkNumbers(text, alignment, source, findings, dates.spans);
  for (const d of findDates(text, source.language)) if (!source.dates.has(d)) findings.push({ kind: 'date', detail: `the source does not mention ${d}` });
  checkRoles(text, source, findings);
  const unlinked = full.coverage >= SUPPORT_COVERAGE ? unlinkedClaim(text, source) : undefined;
  if (unlinked) findings.push({ kind: 'discourse', detail: `no source sentence links this to “${unlinked.link} ${unlinked.reason}”` });
  const shift = modalityShift(text, alignment.evidence, source);
  if (shift) {
    findings.push({ kind: 'modality', detail: `the source says “${shift.source}” (sentence ${shift.sentence + 1}); the summary makes it “${shift.claim}”` });
  }
  const negation = negationFinding(text, keys, alignment, source) ?? (content === text ? undefined : negationFinding(text, contentKeys, contentFull, source));
  if (negation) findings.push(negation);
  const sourceLower = source.text.toLowerCase();
  for (const noun of new Set(properNouns(text, source.language))) {
    if (!sourceLower.includes(noun.toLowerCase())) findings.push({ kind: 'entity-not-in-source', detail: `${noun} does not appear in the source` });
  }

  const verdict = decide(alignment.coverage, misattributed, findings);
  const evidence = alignment.evidence
    .slice()
    .sort((a, b) => a - b)
    .map((i) => ({ sentence: i, start: source.sentences[i]!.start, end: source.sentences[i]!.end }));
  return { text, verdict, score: round(alignment.coverage), evidence, findings };
}

/**
 * A negation one of the two sentences makes and the other does not, judged against the claim's best
 * evidence when that one sentence states the same proposition. Read on the claim's words, then, when that
 * finds nothing, on its words without the people it credits: "Según el concejal Andrés Villa, el
 * presupuesto ya está cerrado" states what "el presupuesto aún no está cerrado" denies.
 */
function negationFinding(text: string, keys: readonly string[], alignment: Alignment, source: PreparedSource): AuditFinding | undefined {
  const best = alignment.evidence[0];
  if (best === undefined) return undefined;
  // Words the source never uses are the coverage check's business; here the question is whether this
  // one sentence states the same proposition as the claim, judged on the words they could share.
  const known = keys.filter((k) => source.idf.has(k));
  const alone = align(known, source, (i) => i === best).coverage;
  if (alone < SAME_PROPOSITION) return undefined;
  const evidenceText = source.sentences[best]!.text;
  if (negatedAntonym(text, evidenceText, source.language)) return undefined;
  const matched = new Set(keys.filter((k) => source.keys[best]!.has(k)));
  const claimNegates = negatesMatched(text, matched, source.language);
  const evidenceNegates = negatesMatched(perSentence(source, 'negation', best, (t) => negationWords(t, source.language)), matched, source.language);
  if (claimNegates !== evidenceNegates) {
    return { kind: 'negation', detail: `the ${claimNegates ? 'summary' : 'source'} negates what the ${claimNegates ? 'source' : 'summary'} states` };
  }
  const flip = antonymFlip(text, evidenceText, source.language);
  return flip ? { kind: 'negation', detail: `the summary says “${flip[0]}” where the source says “${flip[1]}”` } : undefined;
}

/**
 * A second predicate coordinated with the first under the same subject: "and noted…", "and urged…".
 * Past-tense verbs (regular, or the irregular ones news copy uses for speech and action) open one.
 */
const LATER_PREDICATE_RE =
  /\s(?:and|but)\s+(?:also\s+)?(?=(?:\p{Ll}+ed|said|told|met|led|made|took|gave|spoke|wrote|sought|held|won|lost|left|saw|kept|paid|thought|brought|found|vowed)\b)/gu;

/** The coordinated predicates after the first, when the person is named before them (their subject). */
function laterPredicates(text: string, person: string, source: PreparedSource): string[] {
  const mention = peopleIn(text, source).find((m) => m.key === person);
  if (!mention) return [];
  const starts: number[] = [];
  LATER_PREDICATE_RE.lastIndex = 0;
  for (let m = LATER_PREDICATE_RE.exec(text); m; m = LATER_PREDICATE_RE.exec(text)) if (m.index > mention.end) starts.push(m.index + m[0].length);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).split(/,\s*(?:which|who|while)\b/)[0]!);
}

/** Where a later clause starts (", which", ", who", "; ", ", while"…) before the person's first mention. */
const CLAUSE_BREAK_RE = /(?:,\s*(?:which|who|whom|and|while|as|but|whereas|after)\b|;)/g;

function clauseOf(text: string, person: string, source: PreparedSource): string {
  const mention = peopleIn(text, source).find((m) => m.key === person);
  if (!mention) return text;
  let start = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(text); m && m.index < mention.start; m = CLAUSE_BREAK_RE.exec(text)) start = m.index + m[0].length;
  return start === 0 ? text : text.slice(start);
}

function decide(coverage: number, misattributed: boolean, findings: AuditFinding[]): AuditVerdict {
  // A quotation the source never printed is invented, whoever it is pinned on; one that changes the
  // words of a quotation the source printed contradicts it.
  const quote = findings.find((f) => f.kind === 'quote-not-verbatim');
  if (quote) return quote.detail.includes('differs from') ? 'contradicted' : 'unsupported';
  if (misattributed || findings.some((f) => f.kind === 'quote-speaker')) return 'misattributed';
  if (coverage < SUPPORT_COVERAGE) return 'unsupported';
  if (findings.some((f) => ['number', 'date', 'role', 'negation', 'modality', 'place'].includes(f.kind))) return 'contradicted';
  if (findings.some((f) => f.kind === 'entity-not-in-source' || f.kind === 'number-not-in-source' || f.kind === 'discourse')) return 'unsupported';
  return 'supported';
}

/** Quotations must be in the source character for character (modulo quote style), from the same speaker. */
function checkQuotes(text: string, actors: SentenceActors, source: PreparedSource, findings: AuditFinding[]): void {
  for (const quote of actors.quotes) {
    const needle = normalizeForQuote(quote).replace(/[.,;:!?]+$/, '');
    if (needle.length === 0) continue;
    const at = source.normalizedSentences().findIndex((s) => s.includes(needle));
    // A quotation that runs over several source sentences is still verbatim.
    if (at < 0 && !source.normalizedSentences().join(' ').includes(needle)) {
      // A quotation whose words are mostly a source quotation's is that quotation altered: the source
      // says something else in those words. One with no such source is invented outright.
      const altered = align(wordKeys(quote, source.language), source);
      const near = altered.evidence[0];
      findings.push({
        kind: 'quote-not-verbatim',
        detail:
          altered.coverage >= ALTERED_QUOTE && near !== undefined
            ? `“${quote}” differs from the source's words in sentence ${near + 1}`
            : `“${quote}” is not in the source word for word`,
      });
      continue;
    }
    const claimed = claimSources(actors);
    if (claimed.length !== 1) continue;
    const saidBy = at >= 0 ? claimSources(source.people.sentences[at]!) : [];
    if (saidBy.length > 0 && !saidBy.includes(claimed[0]!)) {
      const name = (k: string) => source.people.people.get(k)?.name ?? k;
      findings.push({ kind: 'quote-speaker', detail: `“${quote}” was said by ${saidBy.map(name).join(' and ')}, not ${name(claimed[0]!)}` });
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
