// The baselines the summarizer is measured against, computed in the same run on the same sentences.
import type { Sentence } from '../../src/model.js';
import { STOPWORDS, stem, tokenize, wordCount } from '../../src/text/words.js';

/** Lead-3: the first three sentences, the classic news baseline that is hard to beat on ROUGE. */
export const LEAD_SENTENCES = 3;

/**
 * Lead-N: leading sentences up to the word budget ours gets, so a win over Lead-3 cannot come from
 * length alone. Stops at the first sentence that would overflow, as a reader's cut would.
 */
export function leadBudget(sentences: readonly Sentence[], maxWords: number): string {
  return leadBudgetSentences(sentences, maxWords).join(' ');
}

/** The sentences of `leadBudget`, for measures that read a summary sentence by sentence. */
export function leadBudgetSentences(sentences: readonly Sentence[], maxWords: number): string[] {
  const chosen: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const cost = wordCount(sentence.text);
    if (words + cost > maxWords) break;
    chosen.push(sentence.text);
    words += cost;
  }
  return chosen;
}

/** Damping factor of PageRank, the value Mihalcea and Tarau (2004) use for TextRank. */
export const TEXTRANK_DAMPING = 0.85;
/** Power-iteration stops when no score moves more than this, or after TEXTRANK_MAX_ITERATIONS. */
const TEXTRANK_EPSILON = 1e-6;
const TEXTRANK_MAX_ITERATIONS = 100;

export function lead3(sentences: readonly Sentence[]): string {
  return lead3Sentences(sentences).join(' ');
}

export function lead3Sentences(sentences: readonly Sentence[]): string[] {
  return sentences.slice(0, LEAD_SENTENCES).map((s) => s.text);
}

/**
 * TextRank (Mihalcea & Tarau 2004): sentences are nodes, edges weigh shared stemmed content words
 * normalized by log sentence lengths; PageRank ranks them and the best are taken, in source order,
 * within the same word budget ours gets. Written here because the npm ports are unmaintained and
 * tokenize differently from the rest of the evaluation.
 */
export function textRank(sentences: readonly Sentence[], maxWords: number): string {
  return textRankSentences(sentences, maxWords).join(' ');
}

export function textRankSentences(sentences: readonly Sentence[], maxWords: number): string[] {
  const bags = sentences.map((s) => new Set(tokenize(s.text).filter((t) => !STOPWORDS.has(t)).map(stem)));
  const size = sentences.length;
  const weights: number[][] = bags.map(() => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const a = bags[i]!;
      const b = bags[j]!;
      if (a.size < 2 || b.size < 2) continue;
      let shared = 0;
      for (const term of a) if (b.has(term)) shared += 1;
      const weight = shared / (Math.log(a.size) + Math.log(b.size));
      weights[i]![j] = weight;
      weights[j]![i] = weight;
    }
  }
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(size).fill(1);
  for (let iteration = 0; iteration < TEXTRANK_MAX_ITERATIONS; iteration++) {
    const next = scores.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < size; j++) {
        const w = weights[j]![i]!;
        if (w > 0 && outSums[j]! > 0) incoming += (w / outSums[j]!) * scores[j]!;
      }
      return 1 - TEXTRANK_DAMPING + TEXTRANK_DAMPING * incoming;
    });
    const moved = next.reduce((max, value, i) => Math.max(max, Math.abs(value - scores[i]!)), 0);
    scores = next;
    if (moved < TEXTRANK_EPSILON) break;
  }
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  let words = 0;
  for (const { i } of order) {
    const cost = wordCount(sentences[i]!.text);
    if (words + cost > maxWords) continue;
    chosen.push(i);
    words += cost;
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]!.text);
}
