// Faithfulness counts for any extractive summary, computed from the article text and the summary sentences
// alone. It replaces the eval's use of src/summarize/faithfulness.ts, which counted "quotes without their
// speaker" with the very functions the summarizer chooses sentences by (issue 22): written fresh here, from
// the definitions, sharing only the sentence splitter and tokenizer.

import { splitSentences } from '../../src/text/sentences.js';
import { wordCount } from '../../src/text/words.js';
import { locate } from './dangling.js';
import { nameReferences, peopleWithFullNames } from './people.js';

export interface IndependentFaithfulness {
  sentences: number;
  /** Found character for character in the article. */
  verbatim: number;
  /** An article sentence with one span replaced by the full name of a person the article names. */
  nameRestored: number;
  /** Neither: must be zero for an extractive summary. */
  neither: number;
  /** A quotation of three words or more whose speaker neither the sentence nor the one given right before names. */
  quotesWithoutSpeaker: number;
}

export function emptyFaithfulness(): IndependentFaithfulness {
  return { sentences: 0, verbatim: 0, nameRestored: 0, neither: 0, quotesWithoutSpeaker: 0 };
}

/** Spans of three words or more inside quotation marks: someone's words, not a scare-quoted term. */
const MIN_QUOTED_WORDS = 3;
const QUOTATION_RE = /“([^”]*)(?:”|$)|"([^"]*)(?:"|$)/g;

/** A verb of speech or writing, or "according to": the sentence says who is speaking. */
const SPEECH_RE = /\b(?:said|says|say|told|tells|asked|added|adds|wrote|writes|recalled|explained|noted|argued|warned|insisted|replied|urged|announced|called|described|declared|according to)\b/;

/** The speech is credited to a bare pronoun ("…,” she said), which only the sentence before can resolve. */
const PRONOUN_SPEAKER_RE = /\b(?:he|she|they|He|She|They)\s+(?:said|says|added|told|wrote|asked|recalled|explained|noted|argued|warned|insisted|replied)\b|\b(?:said|says|added)\s+(?:he|she|they)\b/;

/** Counts for one summary; adds into `into` so a caller can total a corpus. */
export function countFaithfulness(articleText: string, summary: readonly string[], into = emptyFaithfulness()): IndependentFaithfulness {
  const article = splitSentences(articleText);
  const positions = locate(article, summary);
  const people = peopleWithFullNames(articleText);
  summary.forEach((text, k) => {
    into.sentences += 1;
    const source = article[positions[k] ?? -1]?.text;
    if (articleText.includes(text)) into.verbatim += 1;
    else if (source !== undefined && restoresName(source, text, people)) into.nameRestored += 1;
    else into.neither += 1;

    if (!quotesSomeone(text)) return;
    const outside = text.replace(QUOTATION_RE, ' ');
    const creditedHere = SPEECH_RE.test(outside) && !PRONOUN_SPEAKER_RE.test(outside);
    const at = positions[k] ?? -1;
    const previous = summary[k - 1];
    const givenBefore = k > 0 && at > 0 && positions[k - 1] === at - 1 && previous !== undefined && namesAPerson(previous, people);
    if (!creditedHere && !givenBefore) into.quotesWithoutSpeaker += 1;
  });
  return into;
}

function quotesSomeone(text: string): boolean {
  for (const match of text.matchAll(QUOTATION_RE)) {
    if (wordCount(match[1] ?? match[2] ?? '') >= MIN_QUOTED_WORDS) return true;
  }
  return false;
}

function namesAPerson(text: string, people: ReadonlySet<string>): boolean {
  return nameReferences(text.replace(QUOTATION_RE, ' ')).some((r) => people.has(r.surname) || r.full || r.titled);
}

/**
 * True when `edited` is `source` with one span replaced by a full name the article gives a person: same
 * beginning and end, and the new middle is "First Last" for one of the article's people.
 */
function restoresName(source: string, edited: string, people: ReadonlySet<string>): boolean {
  let prefix = 0;
  while (prefix < source.length && prefix < edited.length && source[prefix] === edited[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < source.length - prefix &&
    suffix < edited.length - prefix &&
    source[source.length - 1 - suffix] === edited[edited.length - 1 - suffix]
  ) suffix += 1;
  // Back up to the start of the word, then read the name that begins there: "Mr. Castell" → "Omar Castell"
  // differs only in "Omar", but the name the reader sees is "Omar Castell".
  while (prefix > 0 && /\S/.test(edited[prefix - 1]!)) prefix -= 1;
  const changedUpTo = edited.length - suffix;
  const name = nameReferences(edited.slice(prefix))[0];
  return name !== undefined && name.start === 0 && prefix + name.end >= changedUpTo && name.full && people.has(name.surname);
}
