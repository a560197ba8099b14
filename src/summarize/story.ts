// Multi-document story summaries: sentences drawn from several articles about one event, each citing
// the article it comes from, without repeating what an already chosen sentence says.
//
// The candidates are the articles' own summaries, so every sentence keeps the guarantees an article
// summary has (verbatim or a recorded edit, speaker named, antecedent given) and, when the caller passes
// audited summaries, has already passed the provenance audit.

import type { Article, StorySummary, Summary, SummarySentence } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { contentTokens, stemIn, wordCount } from '../text/words.js';
import { languageProfile, type LanguageProfile } from '../text/languages/index.js';
import { resolveSummaryOptions, wordBudget, type SummaryOptions } from './options.js';
import { assessStandings } from './standalone.js';
import { summarizeArticle } from './index.js';

export const STORY_SUMMARY_METHOD = 'extractive-story-v1';

/**
 * A candidate repeats a chosen sentence when this share of its distinct content stems (of the shorter
 * of the two) already appears in it. Three tenths: two leads reporting the same fact in their own words
 * ("knocked out power to about 41,000 homes … Saturday night" / "leaving about 41,000 customers without
 * electricity") share only the names, numbers and key nouns, about a third of their stems, while
 * sentences adding a new fact about the same event share a fifth or less.
 */
export const REDUNDANT_OVERLAP = 0.3;

/** Sentences of one article that must stay together: a sentence and those it points back to. */
interface Unit {
  article: number;
  sentences: SummarySentence[];
  stems: Set<string>;
  words: number;
}

export interface StoryOptions extends Partial<SummaryOptions> {
  /** Article summaries already made (and audited) for these articles, by article id. */
  summaries?: ReadonlyMap<string, Summary>;
}

/**
 * Summarizes a story from its articles, given lead first. Takes the articles' best sentences in turn
 * (each article's first unit, then each one's second, …), skipping any that repeats a chosen sentence,
 * within the word budget of the combined length; prints them grouped by article in the order given and
 * in source order within an article, so a sentence that points back still follows its antecedent.
 */
export function summarizeStory(articles: readonly Article[], options: StoryOptions = {}): StorySummary {
  const settings = resolveSummaryOptions(options);
  const units = articles.map((article, i) => articleUnits(article, i, options.summaries?.get(article.id)));
  const totalWords = articles.reduce((sum, a) => sum + wordCount(a.text), 0);
  const maxWords = wordBudget(totalWords, settings);

  const chosen: Unit[] = [];
  let words = 0;
  let count = 0;
  const longest = units.reduce((max, list) => Math.max(max, list.length), 0);
  for (let rank = 0; rank < longest; rank++) {
    for (const list of units) {
      const unit = list[rank];
      if (!unit) continue;
      if (words + unit.words > maxWords || count + unit.sentences.length > settings.maxSentences) continue;
      if (chosen.some((other) => repeats(unit.stems, other.stems))) continue;
      chosen.push(unit);
      words += unit.words;
      count += unit.sentences.length;
    }
  }

  chosen.sort((a, b) => a.article - b.article || (a.sentences[0]?.source[0]?.sentence ?? 0) - (b.sentences[0]?.source[0]?.sentence ?? 0));
  const sentences = chosen.flatMap((unit) => unit.sentences);
  const text = sentences.map((s) => s.text).join(' ');
  return { articleIds: articles.map((a) => a.id), text, sentences, wordCount: wordCount(text), method: STORY_SUMMARY_METHOD };
}

/** An article's summary sentences, best first, as units that keep dependent sentences with their antecedent. */
function articleUnits(article: Article, position: number, given: Summary | undefined): Unit[] {
  const summary = given ?? summarizeArticle(article);
  const language = languageProfile(article.lang);
  const standings = assessStandings(splitSentences(article.text, article.lang), { language });
  const units: Unit[] = [];
  let previousSource = -2;
  for (const sentence of summary.sentences) {
    const source = sentence.source[0]?.sentence ?? -1;
    const cited: SummarySentence = { ...sentence, articleId: article.id };
    const dependent = standings[source]?.kind === 'needs-antecedent' && sentence.edits.length === 0;
    const last = units.at(-1);
    if (dependent && last && source === previousSource + 1) {
      last.sentences.push(cited);
      last.words += wordCount(sentence.text);
      for (const s of stems(sentence.text, language)) last.stems.add(s);
    } else {
      units.push({ article: position, sentences: [cited], stems: stems(sentence.text, language), words: wordCount(sentence.text) });
    }
    previousSource = sentence.source.at(-1)?.sentence ?? source;
  }
  return units;
}

function stems(text: string, language: LanguageProfile): Set<string> {
  return new Set(contentTokens(text, language).map((token) => stemIn(token, language)));
}

function repeats(candidate: ReadonlySet<string>, chosen: ReadonlySet<string>): boolean {
  const smaller = Math.min(candidate.size, chosen.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const term of candidate) if (chosen.has(term)) shared += 1;
  return shared / smaller >= REDUNDANT_OVERLAP;
}
