// The rule backend: align each summary sentence to source sentences, then check who-did-what
// (speakers, subjects, "both said"), numbers, dates, roles, negation, names and quotations.
import type { AuditedSentence, AuditFinding, AuditVerdict } from '../model.js';
import type { SyncAuditBackend } from './backend.js';
import { align, claimKeys, normalizeForQuote, prepareSource, SUPPORT_COVERAGE, wordKeys, type Alignment, type PreparedSource } from './align.js';
import { checkAttribution, claimSources, withoutPeople } from './attribution.js';
import { analyzePeople, type SentenceActors } from '../text/speakers.js';
import { findDates, properNouns } from '../text/entities.js';
import { checkRoles } from './roles.js';
import { checkDescriptions } from './descriptions.js';
import { checkNumbers } from './numbers.js';
import { checkDates } from './dates.js';
import { modalityShift } from './modality.js';
import { scheduledAsDone } from './scheduled.js';
import { unlinkedClaim } from './discourse.js';
import { placeSwap } from './places.js';
import { nameSwap } from './substitution.js';
import { agentSwap } from './agents.js';
import { scopeShift } from './quantifiers.js';
import { checkPolarity } from './negation.js';
import { checkClauses } from './clauses.js';
import { perSource } from './sentence-cache.js';
import { english, languageProfile } from '../text/languages/index.js';

export { SUPPORT_COVERAGE } from './align.js';

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

function auditOne(text: string, actors: SentenceActors, source: PreparedSource): AuditedSentence {
  const findings: AuditFinding[] = [];
  const keys = claimKeys(text, source);
  const full = align(keys, source);
  const attribution = checkAttribution(text, actors, source, full, findings);
  const misattributed = attribution.misattributed;
  const alignment: Alignment = attribution.own ?? full;
  const scope = alignment.evidence.length > 0 ? scopeShift(text, alignment.evidence, source) : undefined;
  if (scope) findings.push({ kind: 'number', detail: `the summary says “${scope.claim}” where the source says “${scope.source}” (sentence ${scope.sentence + 1})` });

  const swap = full.coverage >= SUPPORT_COVERAGE ? placeSwap(text, source) : undefined;
  if (swap) findings.push({ kind: 'place', detail: `the summary says ${swap.claim} where the source says ${swap.source} (sentence ${swap.sentence + 1})` });

  checkQuotes(text, actors, source, findings);
  const dates = checkDates(text, alignment, source, findings);
  checkNumbers(text, alignment, source, findings, dates.spans);
  for (const d of findDates(text, source.language)) if (!source.dates.has(d)) findings.push({ kind: 'date', detail: `the source does not mention ${d}` });
  checkRoles(text, source, findings);
  if (!findings.some((f) => f.kind === 'role')) checkDescriptions(text, alignment.evidence, source, findings);
  // A name swapped in a title is the role check's finding; elsewhere it puts one name in another's place.
  const nouns = properNouns(text, source.language);
  const named =
    !swap && !misattributed && full.coverage >= SUPPORT_COVERAGE && !findings.some((f) => f.kind === 'role') ? nameSwap(text, keys, alignment.evidence, source, nouns) : undefined;
  if (named) {
    findings.push({ kind: named.place ? 'place' : 'entity', detail: `the summary says “${named.claim}” where the source says “${named.source}” (sentence ${named.sentence + 1})` });
  }
  const agent = !named && !swap && !misattributed && full.coverage >= SUPPORT_COVERAGE ? agentSwap(text, source) : undefined;
  if (agent) findings.push({ kind: 'entity', detail: `the summary gives to “${agent.claim}” what the source says “${agent.source}” does (sentence ${agent.sentence + 1})` });
  const unlinked = full.coverage >= SUPPORT_COVERAGE ? unlinkedClaim(text, source) : undefined;
  if (unlinked) findings.push({ kind: 'discourse', detail: `no source sentence links this to “${unlinked.link} ${unlinked.reason}”` });
  const shift = modalityShift(text, alignment.evidence, source);
  if (shift) {
    findings.push({ kind: 'modality', detail: `the source says “${shift.source}” (sentence ${shift.sentence + 1}); the summary makes it “${shift.claim}”` });
  } else {
    const done = scheduledAsDone(text, dates.mentions, source);
    if (done) findings.push({ kind: 'modality', detail: `the source says “${done.source}” (sentence ${done.sentence + 1}), still to come; the summary says “${done.claim}”, done` });
  }
  const before = findings.length;
  checkPolarity(text, keys, alignment.evidence, source, findings);
  // Elsewhere than in English, a negation is read again without the people the claim credits when it
  // finds nothing with them: "Según el concejal Andrés Villa, el presupuesto ya está cerrado" states what
  // "el presupuesto aún no está cerrado" denies.
  if (source.language !== english && findings.length === before) {
    const content = withoutPeople(text, source);
    if (content !== text) {
      const contentKeys = claimKeys(content, source);
      checkPolarity(text, contentKeys, align(contentKeys, source).evidence, source, findings);
    }
  }
  if (full.coverage >= SUPPORT_COVERAGE) checkClauses(text, source, findings);
  const sourceLower = perSource(source, 'lowercase', () => source.text.toLowerCase());
  for (const noun of new Set(nouns)) {
    if (!sourceLower.includes(noun.toLowerCase())) findings.push({ kind: 'entity-not-in-source', detail: `${noun} does not appear in the source` });
  }

  const verdict = decide(alignment.coverage, misattributed, findings);
  const evidence = alignment.evidence
    .slice()
    .sort((a, b) => a - b)
    .map((i) => ({ sentence: i, start: source.sentences[i]!.start, end: source.sentences[i]!.end }));
  return { text, verdict, score: round(alignment.coverage), evidence, findings };
}

function decide(coverage: number, misattributed: boolean, findings: AuditFinding[]): AuditVerdict {
  // A quotation the source never printed is invented, whoever it is pinned on; one that changes the
  // words of a quotation the source printed contradicts it.
  const quote = findings.find((f) => f.kind === 'quote-not-verbatim');
  if (quote) return quote.detail.includes('differs from') ? 'contradicted' : 'unsupported';
  if (misattributed || findings.some((f) => f.kind === 'quote-speaker' || f.kind === 'entity')) return 'misattributed';
  if (coverage < SUPPORT_COVERAGE) return 'unsupported';
  if (findings.some((f) => ['number', 'date', 'role', 'negation', 'modality', 'place'].includes(f.kind))) return 'contradicted';
  if (findings.some((f) => f.kind === 'entity-not-in-source' || f.kind === 'number-not-in-source' || f.kind === 'discourse' || f.kind === 'withheld' || f.kind === 'unsupported-clause')) return 'unsupported';
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
