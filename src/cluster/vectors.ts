// TF-IDF term vectors for story clustering, built over one run's articles.
import type { Article } from '../model.js';
import { contentTokens } from '../text/words.js';

/** Title words count this many times: a headline names the event more reliably than any body sentence. */
export const TITLE_WEIGHT = 3;
/** Words of the body used: the lead carries the who/what/where; later paragraphs drift into background. */
export const LEAD_WORDS = 250;

/** Sparse unit-length vector: term → weight. */
export type TermVector = Map<string, number>;

export function termCounts(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (token: string, n: number): void => {
    counts.set(token, (counts.get(token) ?? 0) + n);
  };
  for (const token of contentTokens(article.title)) add(token, TITLE_WEIGHT);
  const lead = article.text.split(/\s+/, LEAD_WORDS).join(' ');
  for (const token of contentTokens(lead)) add(token, 1);
  return counts;
}

export function tfidfVectors(counts: Map<string, number>[]): TermVector[] {
  const df = new Map<string, number>();
  for (const doc of counts) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = counts.length;
  return counts.map((doc) => {
    const vector: TermVector = new Map();
    let norm = 0;
    for (const [term, tf] of doc) {
      // ln(1 + N/df): a term every article shares still counts (ln 2). A run may hold nothing but one
      // story's articles, and the names they share are exactly what makes them one story.
      const weight = (1 + Math.log(tf)) * Math.log(1 + n / df.get(term)!);
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** The strongest terms of a vector, used as keys in the inverted index. */
export function topTerms(vector: TermVector, k: number): string[] {
  return [...vector.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, k)
    .map(([term]) => term);
}
