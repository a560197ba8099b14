// Which sentences a reader can understand, and attribute correctly, once they are lifted out of the
// article. A summary that opens "He said…" or quotes someone without saying who invites exactly the
// misattribution an editor has to catch by hand.

import type { Sentence, SummaryEdit } from '../model.js';
import { indexPeople, opensWithPersonalPronoun, resolveOpeningPronoun, type PeopleIndex } from './pronouns.js';
import {
  attributedToPronoun,
  endsInsideQuotation,
  hasAttribution,
  namesSpeaker,
  outsideQuotations,
  startsWithQuotation,
} from '../text/quotes.js';
import { wordCount } from '../text/words.js';
import { english, ENGLISH_DEPENDENT_OPENERS, type LanguageProfile } from '../text/languages/index.js';
import { escapeRegExp, perLanguage } from '../text/languages/patterns.js';
import { findPeople } from '../text/entities.js';
import { definiteNeeds, type DefiniteNeeds } from './definites.js';

export type Standing =
  /** Can be read alone. */
  | { kind: 'standalone'; leavesQuotationOpen?: true }
  /**
   * Only makes sense right after the sentence before it; `reason` says why, for explanations. With
   * `repair`, it also stands alone once the edit (its opening pronoun replaced by a full name) is made.
   */
  | { kind: 'needs-antecedent'; reason: string; repair?: SummaryEdit; leavesQuotationOpen?: true }
  /** Never in a summary. */
  | { kind: 'excluded'; reason: string };

/**
 * Openers that point back at something earlier: pronouns and demonstratives need their referent, and
 * contrastive connectives ("But…") need the claim they contrast with, or the summary misleads.
 */
export const DEPENDENT_OPENERS: ReadonlySet<string> = ENGLISH_DEPENDENT_OPENERS;

/**
 * Openers that place a sentence relative to an earlier one ("In addition", "By then") and words that do so
 * only when a comma sets them off: "Currently, the ratio is…" leans on the sentence before, while
 * "Now the city must…" and "Later this month…" stand alone.
 */
const DEPENDENT_OPENING_RE =
  /^(?:(?:In addition|As a result|Even so|In contrast|By contrast|On the other hand|Since then|By then|Until then|At the time|At that point|After that|Before that|In turn|Even then)\b|(?:Currently|Now|Still|So|Earlier|Later|Previously|Afterward|Afterwards|Today|Separately),)/;

/** "This week…", "This year…": a demonstrative that names a time, not an earlier sentence's subject. */
const DEMONSTRATIVE_TIME_RE = /^(?:This|These)\s+(?:year|week|month|morning|afternoon|evening|weekend|season|spring|summer|fall|autumn|winter|past|coming)\b/;

/** "PORT HALLEY — ": a dateline does not change what the sentence opens with. */
const DATELINE_RE = /^\p{Lu}[\p{Lu} .'’-]+\s+—\s+/u;

/**
 * Shorter sentences are headings, captions and fragments ("Read more.") more often than news; six words
 * is the shortest complete news sentence we expect to be worth a place.
 */
export const MIN_SENTENCE_WORDS = 6;

/** Credit lines and author bios sit in the last few paragraphs; this many are checked for them. */
export const BOILERPLATE_TAIL_PARAGRAPHS = 3;

/** Credit lines and author bios ("Edward Wong reports on … for The Times."). */
const TAIL_BOILERPLATE_RE = /\bcontributed (?:reporting|research)\b|\breports on .{1,200}? for /;

/** Boilerplate anywhere: a syndication footer the ingest stage missed. */
const ANYWHERE_BOILERPLATE_RE = /\bappeared first on\b/;

/** A sentence ends with terminal punctuation, maybe inside quotes or brackets; a heading does not. */
const finalPunctuationFor = perLanguage(
  (language: LanguageProfile): RegExp => new RegExp(`[.?!…][${[...language.sentences.closingMarks].map(escapeRegExp).join('')}]*$`),
);

const FIRST_WORD_RE = /^\p{L}+/u;

/** Assesses every sentence of one article, in order. */
/** What the summarizer has already worked out about the article, so it is not worked out twice. */
export interface ArticleReading {
  definites?: readonly DefiniteNeeds[];
  people?: PeopleIndex;
  /** The article's language: its quotation marks, verbs of speech and openers that point back. */
  language?: LanguageProfile;
}

export function assessStandings(sentences: readonly Sentence[], reading: ArticleReading = {}): Standing[] {
  const lastParagraph = sentences.at(-1)?.paragraph ?? 0;
  const definites = reading.definites ?? definiteNeeds(sentences);
  const language = reading.language ?? english;
  const standings: Standing[] = [];
  let insideQuotation = false;
  let previous: Sentence | undefined;
  // Built only for articles with a He/She opener that needs its antecedent, since it scans every sentence.
  let people: PeopleIndex | undefined = reading.people;
  for (const sentence of sentences) {
    // A quotation left open at a paragraph's end is reopened by the next paragraph's own quote mark.
    const startsInside = previous?.paragraph === sentence.paragraph && insideQuotation;
    insideQuotation = endsInsideQuotation(sentence.text, startsInside, language);
    const inTail = sentence.paragraph > lastParagraph - BOILERPLATE_TAIL_PARAGRAPHS;
    let standing = assess(sentence.text, previous?.text, startsInside, inTail, language);
    const needs = definites[sentence.index];
    // "The crowd answered…" right after the sentence that gathered it: keep the two together.
    if (standing.kind === 'standalone' && needs && (needs.onTheScene || [...needs.introduced.values()].includes(sentence.index - 1))) {
      standing = { kind: 'needs-antecedent', reason: 'a definite description introduced by the sentence before' };
    }
    if (standing.kind === 'needs-antecedent' && opensWithPersonalPronoun(sentence.text)) {
      people ??= indexPeople(sentences, language);
      const repair = resolveOpeningPronoun(sentence, previous, people, language);
      const repaired = repair && sentence.text.slice(0, repair.at) + repair.to + sentence.text.slice(repair.at + repair.from.length);
      // The repair must leave nothing else pointing back (a second pronoun speaker, a bare quote).
      if (repair && repaired && assess(repaired, previous?.text, startsInside, inTail, language).kind === 'standalone') {
        standing = { ...standing, repair };
      }
    }
    // A quotation still open after this sentence closes in a later one: alone it would cut the speaker
    // off mid-quote, so it may enter a summary only as the antecedent of the sentence that continues it.
    if (insideQuotation && standing.kind !== 'excluded') standing = { ...standing, leavesQuotationOpen: true };
    standings.push(standing);
    previous = sentence;
  }
  return standings;
}

function assess(text: string, previous: string | undefined, startsInsideQuotation: boolean, inTail: boolean, language: LanguageProfile): Standing {
  if (ANYWHERE_BOILERPLATE_RE.test(text)) return { kind: 'excluded', reason: 'syndication footer' };
  if (inTail && TAIL_BOILERPLATE_RE.test(text)) return { kind: 'excluded', reason: 'credit line or author bio' };
  if (!finalPunctuationFor(language).test(text)) return { kind: 'excluded', reason: 'heading or fragment' };
  if (wordCount(text) < MIN_SENTENCE_WORDS) return { kind: 'excluded', reason: 'too short' };

  // The rest of a quotation opened in an earlier sentence only reads (and balances its quote marks)
  // after that opening; whether the opening itself may be used is settled when it is assessed.
  if (startsInsideQuotation) return { kind: 'needs-antecedent', reason: 'continues a quotation' };
  if (startsWithQuotation(text, language) && !hasAttribution(text, language)) {
    // Who is speaking must be settled by the sentence right before, or the quote could be pinned on
    // whoever the summary happened to mention last.
    if (previous === undefined || !namesSpeaker(previous, language)) {
      return { kind: 'excluded', reason: 'quotation whose speaker is not named nearby' };
    }
    return { kind: 'needs-antecedent', reason: 'quotation whose speaker the previous sentence names' };
  }
  if (attributedToPronoun(text, language)) {
    // "«…», dijo." after a sentence that names nobody: where the subject pronoun is dropped, only the sentence
    // before can say who spoke. ("The crowd booed the manager when he said…" gives its own antecedent.)
    if (language.speech.dropsPronouns && (previous === undefined || (findPeople(outsideQuotations(previous, language), undefined, language).length === 0 && !namesSpeaker(previous, language)))) {
      return { kind: 'excluded', reason: 'speaker is a pronoun and the sentence before names no one' };
    }
    return { kind: 'needs-antecedent', reason: 'speaker is a pronoun for someone named earlier' };
  }
  const opening = text.replace(DATELINE_RE, '');
  // The article's first sentence has nothing before it to lean on: "This coastal city of 96,000…" is its own scene.
  if (previous !== undefined && ((language.speech.dependentOpeners.has(FIRST_WORD_RE.exec(opening)?.[0] ?? '') && !DEMONSTRATIVE_TIME_RE.test(opening)) || DEPENDENT_OPENING_RE.test(opening))) {
    return { kind: 'needs-antecedent', reason: 'opens with a word that points back' };
  }
  return { kind: 'standalone' };
}
