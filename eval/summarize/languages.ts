// eval:summarize by language: the multilingual set (eval/text/articles, original fictional articles with
// hand-marked sentences and hand-written reference summaries), summarized by ours in the language its
// words show, by the same summarizer with the English rules it had before (no language), and by the
// leading sentences within the word budget ours gets (Lead-N).
// Beside ROUGE: summary sentences that do not start and end where a marked sentence does (cut inside an
// abbreviation, ordinal or number), and quotations whose speaker the summary does not give, counted by
// the independent check in quotes-multilingual.ts.
import type { Summary } from '../../src/model.js';
import { evalArticle } from './corpus.js';
import { DEFAULT_SUMMARY_OPTIONS, summarizeArticle, wordBudget } from '../../src/summarize/index.js';
import { articleLanguage } from '../../src/text/language.js';
import { splitSentences } from '../../src/text/sentences.js';
import { wordCount } from '../../src/text/words.js';
import { leadBudgetSentences } from './baselines.js';
import { rouge } from './rouge.js';
import { quotesWithoutSpeaker } from './quotes-multilingual.js';
import { loadLanguageArticles, type LanguageArticle } from '../text/corpus.js';

export type LanguageSystem = 'ours' | 'English rules' | 'lead-budget';
export const LANGUAGE_SYSTEMS: readonly LanguageSystem[] = ['ours', 'English rules', 'lead-budget'];

export interface LanguageRow {
  lang: string;
  articles: number;
  system: LanguageSystem;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  words: number;
  sentences: number;
  /** Summary sentences that begin or end off a marked sentence boundary. */
  cut: number;
  quotesWithoutSpeaker: number;
}

interface SummaryOut {
  texts: string[];
  /** Where each summary sentence stands in the article (from provenance, or found verbatim). */
  spans: Array<[number, number] | undefined>;
}

function fromSummary(summary: Summary): SummaryOut {
  return {
    texts: summary.sentences.map((s) => s.text),
    spans: summary.sentences.map((s) => (s.source.length > 0 ? [s.source[0]!.start, s.source.at(-1)!.end] : undefined)),
  };
}

function verbatim(text: string, texts: string[]): SummaryOut {
  return {
    texts,
    spans: texts.map((t) => {
      const at = text.indexOf(t);
      return at < 0 ? undefined : [at, at + t.length];
    }),
  };
}

function summariesOf(item: LanguageArticle): Record<LanguageSystem, SummaryOut> {
  // As the pipeline does for a plain-text article: the language its words show.
  const lang = articleLanguage(item.text);
  return {
    ours: fromSummary(summarizeArticle(evalArticle(item, lang))),
    'English rules': fromSummary(summarizeArticle(evalArticle(item))),
    'lead-budget': verbatim(item.text, leadBudgetSentences(splitSentences(item.text, lang), wordBudget(wordCount(item.text), DEFAULT_SUMMARY_OPTIONS))),
  };
}

export function evaluateLanguages(): LanguageRow[] {
  const articles = loadLanguageArticles();
  const rows: LanguageRow[] = [];
  for (const lang of [...new Set(articles.map((a) => a.lang))]) {
    const set = articles.filter((a) => a.lang === lang);
    const totals = new Map(LANGUAGE_SYSTEMS.map((system) => [system, { lang, articles: set.length, system, rouge1: 0, rouge2: 0, rougeL: 0, words: 0, sentences: 0, cut: 0, quotesWithoutSpeaker: 0 }]));
    for (const item of set) {
      const starts = new Set(item.sentenceStarts);
      const ends = new Set(item.sentenceEnds);
      const outputs = summariesOf(item);
      for (const system of LANGUAGE_SYSTEMS) {
        const total = totals.get(system)!;
        const { texts, spans } = outputs[system];
        const scores = rouge(texts.join(' '), item.reference);
        total.rouge1 += scores.rouge1 / set.length;
        total.rouge2 += scores.rouge2 / set.length;
        total.rougeL += scores.rougeL / set.length;
        total.words += wordCount(texts.join(' ')) / set.length;
        total.sentences += texts.length;
        total.cut += spans.filter((span) => !span || !starts.has(span[0]) || !ends.has(span[1])).length;
        total.quotesWithoutSpeaker += quotesWithoutSpeaker(item, texts, spans);
      }
    }
    rows.push(...totals.values());
  }
  return rows;
}
