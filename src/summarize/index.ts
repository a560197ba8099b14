// Extractive summaries with provenance: every summary sentence is a source sentence, verbatim, in
// source order, with its offsets into the article, so the auditor and the editor can check each one.
//
// Steps: 1. split the article into sentences; 2. score each (centrality, position, entities, quotes);
// 3. decide which can stand alone; 4. choose under a word budget with MMR; 5. assemble with provenance.

import type { Article, Sentence, Summary, SummaryEdit, SummarySentence } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { languageProfile } from '../text/languages/index.js';
import { wordCount } from '../text/words.js';
import { scoreSentences } from './features.js';
import { resolveSummaryOptions, wordBudget, type SummaryOptions } from './options.js';
import { selectSentences } from './select.js';
import { assessStandings, type Standing } from './standalone.js';
import { nameEdit, peopleNames, personMentions, type PersonMention } from './names.js';
import { indexPeople } from './pronouns.js';
import { definiteNeeds, mentions as mentionsStem, type DefiniteNeeds } from './definites.js';
import { applyEdits } from './faithfulness.js';

export { DEFAULT_DIGEST_WORDS, DEFAULT_SUMMARY_OPTIONS, type SummaryOptions, wordBudget } from './options.js';
export { summarizeStory, STORY_SUMMARY_METHOD, type StoryOptions } from './story.js';
export { storyDigest, writtenDigest, digestBudget, alsoReportedBy, STORY_DIGEST_METHOD, MAX_NAMED_PUBLISHERS, type DigestOptions } from './digest.js';

/** Recorded on every summary so a stored summary says which algorithm (and version) wrote it. */
export const SUMMARY_METHOD = 'extractive-v3';

/** The joint between summary sentences: they come from different paragraphs, but read as one. */
const SENTENCE_JOINER = ' ';

/**
 * How many times the selection is run again after sentences whose references the summary cannot give are
 * ruled out. Each pass rules out at least one sentence, and in practice one or two passes settle it; the
 * cap only bounds pathological text, after which any sentence still pointing at nothing is left out.
 */
export const MAX_COHERENCE_PASSES = 6;

/**
 * Summarizes one article by extraction: whole source sentences, verbatim and in source order, each with
 * the span it came from, within a word budget (see `wordBudget`). Same input, same output. No sentence
 * depends on something the summary leaves out: a pronoun or "But" opener comes right after its
 * antecedent, a person called "Mr. Castell" is given their full name by a recorded edit, and a sentence
 * about "the crowd" is kept only after the sentence that brought the crowd in.
 */
export function summarizeArticle(article: Article, options?: Partial<SummaryOptions>): Summary {
  const settings = resolveSummaryOptions(options);
  // The article's language decides where its sentences end, which words carry content and who speaks.
  const language = languageProfile(article.lang);
  const sentences = splitSentences(article.text, article.lang);
  const scored = scoreSentences(sentences, language);
  const peopleIndex = indexPeople(sentences, language);
  const definites = definiteNeeds(sentences);
  const standings = assessStandings(sentences, { definites, people: peopleIndex, language });
  const people = peopleNames(sentences, peopleIndex, language);
  const mentions = sentences.map((s) => personMentions(s.text, people, language));
  // A repaired sentence costs the words of the name that replaces its pronoun, and a restored full name
  // the given names it adds: counted in advance, so the budget holds whichever edits the summary needs.
  standings.forEach((standing, i) => {
    const entry = scored[i];
    if (!entry) return;
    if (standing.kind === 'needs-antecedent' && standing.repair) {
      entry.words += wordCount(standing.repair.to) - wordCount(standing.repair.from);
    }
    entry.words += restoredNameWords(mentions[i] ?? []);
  });
  const limits = { maxWords: wordBudget(wordCount(article.text), settings), maxSentences: settings.maxSentences };

  // When no readable sentence fits, the summary is empty rather than over budget: maxWords is a promise
  // to the caller, and text with no sentence under 300 words is almost always a failed extraction.
  let assembled = assemble(sentences, selectSentences(scored, standings, limits), standings, mentions, definites);
  for (let pass = 0; pass < MAX_COHERENCE_PASSES && assembled.dangling.length > 0; pass++) {
    for (const index of assembled.dangling) standings[index] = { kind: 'excluded', reason: 'refers to something the summary leaves out' };
    assembled = assemble(sentences, selectSentences(scored, standings, limits), standings, mentions, definites);
  }
  const summarySentences = assembled.sentences.filter((_, i) => !assembled.dangling.includes(assembled.indexes[i]!));
  const text = summarySentences.map((s) => s.text).join(SENTENCE_JOINER);
  return {
    articleId: article.id,
    text,
    sentences: summarySentences,
    wordCount: wordCount(text),
    method: SUMMARY_METHOD,
  };
}

interface Assembled {
  sentences: SummarySentence[];
  /** Source index of each summary sentence. */
  indexes: number[];
  /** Source indexes of chosen sentences that still point at something the summary leaves out. */
  dangling: number[];
}

/**
 * The chosen sentences with their edits: a pronoun repair where the antecedent is not shown, the full name
 * at a person's first short reference. Sentences a quotation's short reference or a definite description
 * leaves pointing at nothing are reported in `dangling`.
 */
function assemble(
  sentences: readonly Sentence[],
  chosen: readonly number[],
  standings: readonly Standing[],
  mentions: readonly PersonMention[][],
  definites: readonly DefiniteNeeds[],
): Assembled {
  const chosenSet = new Set(chosen);
  const out: Assembled = { sentences: [], indexes: [], dangling: [] };
  // Surnames whose full name the reader has seen so far.
  const named = new Set<string>();
  // What the reader has seen so far, lowercased, for "the crowd" and its introduction.
  let shown = '';
  for (const index of chosen) {
    const sentence = sentences[index];
    if (!sentence) continue;
    const standing = standings[index];
    // The pronoun is replaced only when the summary does not already show the sentence it points back to.
    const repair = standing?.kind === 'needs-antecedent' && !chosenSet.has(index - 1) ? standing.repair : undefined;
    const edits: SummaryEdit[] = repair ? [repair] : [];
    if (repair) named.add(repair.to.split(' ').at(-1) ?? '');
    let dangling = false;
    for (const mention of mentions[index] ?? []) {
      if (named.has(mention.surname)) continue;
      named.add(mention.surname);
      if (mention.full) continue;
      if (mention.quoted || (repair && mention.at < repair.at + repair.from.length)) dangling = true;
      else edits.push(nameEdit(mention));
    }
    for (const [noun] of definites[index]?.introduced ?? []) if (!mentionsStem(shown, noun)) dangling = true;
    if (dangling) out.dangling.push(index);
    const text = edits.length > 0 ? applyEdits(sentence.text, edits) ?? sentence.text : sentence.text;
    out.sentences.push({ text, source: [{ sentence: sentence.index, start: sentence.start, end: sentence.end }], edits });
    out.indexes.push(index);
    shown += ` ${text.toLowerCase()}`;
  }
  return out;
}

/** Words the full names of a sentence's people add when the summary has not given them yet. */
function restoredNameWords(mentions: readonly PersonMention[]): number {
  let extra = 0;
  const counted = new Set<string>();
  for (const mention of mentions) {
    if (counted.has(mention.surname)) continue;
    counted.add(mention.surname);
    if (!mention.full && !mention.quoted) extra += Math.max(0, wordCount(mention.to) - wordCount(mention.from));
  }
  return extra;
}
