// Faithfulness by construction, checked: every summary sentence must be its source text verbatim or
// that text with recorded edits applied, no quotation may reach the reader without its speaker, and no
// sentence may open with a pronoun whose referent the summary does not give right before it.
// These counts share the summarizer's own quote functions, so they are a self-check for tests; the
// evaluation reports counts from eval/summarize/faithful.ts and dangling.ts, written independently.

import type { Summary, SummaryEdit, SummarySentence } from '../model.js';
import { attributedToPronoun, namesSpeaker } from '../text/quotes.js';
import { wordCount } from '../text/words.js';

/**
 * Quoted spans shorter than this are scare quotes or terms ("considerable", "amenity fees"), not
 * someone's words; three words is the shortest quotation that reads as speech.
 */
export const MIN_QUOTATION_WORDS = 3;

const QUOTED_SPAN_RE = /“([^”]*)(?:”|$)|"([^"]*)(?:"|$)/g;

/** Pronouns whose referent must come from the sentence before (demonstratives are the standalone check's job). */
const DANGLING_PRONOUN_RE = /^(?:He|She|They|His|Her|Their|Him|Them|It|Its)\b/;

export interface FaithfulnessCounts {
  sentences: number;
  verbatim: number;
  /** Source text with recorded pronoun edits applied, reproduced exactly. */
  edited: number;
  /** Neither verbatim nor a recorded edit of the cited source: must be zero. */
  unsupported: number;
  /** Quotations whose speaker neither the sentence nor the summary sentence right before it names. */
  quotesWithoutSpeaker: number;
  /** Sentences opening with a pronoun whose antecedent sentence is not right before it in the summary. */
  unresolvedPronouns: number;
}

export function emptyCounts(): FaithfulnessCounts {
  return { sentences: 0, verbatim: 0, edited: 0, unsupported: 0, quotesWithoutSpeaker: 0, unresolvedPronouns: 0 };
}

/** Applies edits (offsets into `text`) from last to first, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly SummaryEdit[]): string | undefined {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    if (out.slice(edit.at, edit.at + edit.from.length) !== edit.from) return undefined;
    out = out.slice(0, edit.at) + edit.to + out.slice(edit.at + edit.from.length);
  }
  return out;
}

/** The source text a summary sentence cites: its spans of `source`, joined by a space. */
export function citedText(source: string, sentence: Pick<SummarySentence, 'source'>): string {
  return sentence.source.map((span) => source.slice(span.start, span.end)).join(' ');
}

/**
 * Counts for one summary of `source` (the text its spans point into). A sentence's antecedent is
 * "given" when the summary sentence right before it ends where the source sentence right before it
 * ends, i.e. the reader sees the two in their original order.
 */
export function checkFaithfulness(source: string, summary: Summary, into = emptyCounts()): FaithfulnessCounts {
  let previousSentence: number | undefined;
  let previousText: string | undefined;
  for (const sentence of summary.sentences) {
    into.sentences += 1;
    const cited = citedText(source, sentence);
    if (sentence.source.length > 0 && sentence.edits.length === 0 && cited === sentence.text) into.verbatim += 1;
    else if (sentence.source.length > 0 && applyEdits(cited, sentence.edits) === sentence.text) into.edited += 1;
    else into.unsupported += 1;

    const first = sentence.source[0]?.sentence;
    const follows = first !== undefined && previousSentence !== undefined && first === previousSentence + 1;
    const speakerHere = namesSpeaker(sentence.text) && !attributedToPronoun(sentence.text);
    const speakerBefore = follows && previousText !== undefined && namesSpeaker(previousText);
    if (quotesSpeech(sentence.text) && !speakerHere && !speakerBefore) into.quotesWithoutSpeaker += 1;
    if (DANGLING_PRONOUN_RE.test(sentence.text) && !follows) into.unresolvedPronouns += 1;

    previousSentence = sentence.source.at(-1)?.sentence;
    previousText = sentence.text;
  }
  return into;
}

/** Whether the sentence quotes someone's words, as opposed to a term in scare quotes. */
export function quotesSpeech(text: string): boolean {
  for (const match of text.matchAll(QUOTED_SPAN_RE)) {
    if (wordCount(match[1] ?? match[2] ?? '') >= MIN_QUOTATION_WORDS) return true;
  }
  return false;
}
