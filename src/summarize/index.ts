// Extractive summaries with provenance: every summary sentence is a source sentence, verbatim, in
// source order, with its offsets into the article, so the auditor and the editor can check each one.
//
// Steps: 1. split the article into sentences; 2. score each (centrality, position, entities, quotes);
// 3. decide which can stand alone; 4. choose under a word budget with MMR; 5. assemble with provenance.

import type { Article, Summary, SummarySentence } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { wordCount } from '../text/words.js';
import { scoreSentences } from './features.js';
import { resolveSummaryOptions, wordBudget, type SummaryOptions } from './options.js';
import { selectSentences } from './select.js';
import { assessStandings } from './standalone.js';
import { applyEdits } from './faithfulness.js';

export { DEFAULT_SUMMARY_OPTIONS, type SummaryOptions, wordBudget } from './options.js';
export { summarizeStory, STORY_SUMMARY_METHOD, type StoryOptions } from './story.js';

/** Recorded on every summary so a stored summary says which algorithm (and version) wrote it. */
export const SUMMARY_METHOD = 'extractive-v2';

/** The joint between summary sentences: they come from different paragraphs, but read as one. */
const SENTENCE_JOINER = ' ';

/**
 * Summarizes one article by extraction: whole source sentences, verbatim and in source order, each with
 * the span it came from, within a word budget (see `wordBudget`). Same input, same output.
 */
export function summarizeArticle(article: Article, options?: Partial<SummaryOptions>): Summary {
  const settings = resolveSummaryOptions(options);
  const sentences = splitSentences(article.text);
  const scored = scoreSentences(sentences);
  const standings = assessStandings(sentences);
  // A repaired sentence costs the words of the name that replaces its pronoun.
  standings.forEach((standing, i) => {
    const entry = scored[i];
    if (standing.kind === 'needs-antecedent' && standing.repair && entry) {
      entry.words += wordCount(standing.repair.to) - wordCount(standing.repair.from);
    }
  });
  const limits = { maxWords: wordBudget(wordCount(article.text), settings), maxSentences: settings.maxSentences };

  // When no readable sentence fits, the summary is empty rather than over budget: maxWords is a promise
  // to the caller, and text with no sentence under 300 words is almost always a failed extraction.
  const chosen = selectSentences(scored, standings, limits);

  const chosenSet = new Set(chosen);
  const summarySentences: SummarySentence[] = [];
  for (const index of chosen) {
    const sentence = sentences[index];
    if (!sentence) continue;
    const standing = standings[index];
    // The pronoun is replaced only when the summary does not already show the sentence it points back to.
    const repair = standing?.kind === 'needs-antecedent' && !chosenSet.has(index - 1) ? standing.repair : undefined;
    summarySentences.push({
      text: repair ? applyEdits(sentence.text, [repair]) ?? sentence.text : sentence.text,
      source: [{ sentence: sentence.index, start: sentence.start, end: sentence.end }],
      edits: repair ? [repair] : [],
    });
  }
  const text = summarySentences.map((s) => s.text).join(SENTENCE_JOINER);
  return {
    articleId: article.id,
    text,
    sentences: summarySentences,
    wordCount: wordCount(text),
    method: SUMMARY_METHOD,
  };
}
