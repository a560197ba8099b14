// ROUGE-1/2/L F1 through js-rouge (a maintained implementation of Lin's 2004 metrics), with one
// tokenizer for every system: lowercased word tokens without punctuation, as Google's rouge_score uses,
// so a curly quote or a dash never counts as a matched unigram.
import { l, n } from 'js-rouge';
import { tokenize } from '../../src/text/words.js';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rouge(candidate: string, reference: string): RougeScores {
  const options = { tokenizer: (text: string) => tokenize(text) };
  return {
    rouge1: n(candidate, reference, { ...options, n: 1 }),
    rouge2: n(candidate, reference, { ...options, n: 2 }),
    rougeL: l(candidate, reference, options),
  };
}
