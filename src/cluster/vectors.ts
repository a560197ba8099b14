// TF-IDF term vectors for story clustering: title and lead words plus the names they mention, each read
// in its article's language (stopwords, elisions), so a mixed run compares every article in its own words.
import type { Article } from '../model.js';
import { contentTokens } from '../text/words.js';
import { english, languageProfile, type LanguageProfile } from '../text/languages/index.js';

/** Title words count this many times: a headline names the event more reliably than any body sentence. */
export const TITLE_WEIGHT = 3;
/** Words of the body used: the lead carries the who/what/where; later paragraphs drift into background. */
export const LEAD_WORDS = 250;
/**
 * Weight of a multi-word name ("Aisha Moreau", "Harbour Row") as one term, on top of its words. Two
 * reports of one event name the same people and places; two events on one beat share single words
 * ("council", "storm") far more often than full names. 2 lets two shared names outweigh a shared beat
 * word without letting one shared town name decide alone.
 */
export const NAME_WEIGHT = 2;
/** Prefix that keeps name terms apart from word terms in one vector. */
export const NAME_PREFIX = '@';

/** Sparse unit-length vector: term → weight. */
export type TermVector = Map<string, number>;

/** A capitalized word: an initial capital letter, then letters, apostrophes or hyphens. */
const CAPITALIZED = /^\p{Lu}[\p{L}'’-]*$/u;
/** Lower-case words allowed inside an English name ("Museum of Art", "Port of Halley"); elsewhere the language's name particles. */
const NAME_JOINERS = new Set(['of', 'de', 'la', 'van', 'von', 'der']);

/**
 * Multi-word capitalized sequences ("Port Halley", "Rhea Dunmore", "Museum of Art"), lowercased.
 * Written by hand because no library here does named-entity recognition without model weights; two or
 * more capitalized words in a row are names far more often than not, and a sentence-initial capital
 * alone never makes a name, so single words are left to the word terms.
 */
export function names(text: string, language: LanguageProfile = english): string[] {
  const joiners = language === english ? NAME_JOINERS : language.speech.nameParticles;
  // Where nouns and sentence-initial articles are capitalized too ("Die Fähre", "Der Gemeinderat"), the
  // function words leading a run are not part of a name. English keeps the runs it was measured with.
  const leading = language === english ? undefined : language.words.stopwords;
  const found: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.split(/[\s,;:()“”"«»„]+/).map((w) => w.replace(/[.!?]+$/, ''));
    let run: string[] = [];
    const flush = (): void => {
      while (leading && run.length > 0 && leading.has(run[0]!.toLowerCase())) run.shift();
      while (run.length > 0 && joiners.has(run[run.length - 1]!)) run.pop();
      if (run.length >= 2) found.push(run.join(' ').toLowerCase().replace(/['’]s$/, ''));
      run = [];
    };
    for (const word of words) {
      if (CAPITALIZED.test(word)) run.push(word);
      else if (run.length > 0 && joiners.has(word)) run.push(word);
      else flush();
    }
    flush();
  }
  return found;
}

/** Characters read for the lead: LEAD_WORDS words of news prose rarely run past 12 characters each. */
const LEAD_CHARS = LEAD_WORDS * 12;
const leadOf = (article: Article): string => article.text.slice(0, LEAD_CHARS).split(/\s+/, LEAD_WORDS).join(' ');

/** Word terms only: title words (weighted) and lead words. */
export function wordCounts(article: Article): Map<string, number> {
  const language = languageProfile(article.lang);
  const counts = new Map<string, number>();
  for (const token of contentTokens(article.title, language)) counts.set(token, (counts.get(token) ?? 0) + TITLE_WEIGHT);
  for (const token of contentTokens(leadOf(article), language)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Word terms plus the names of the title and lead, each name one term. */
export function termCounts(article: Article): Map<string, number> {
  const counts = wordCounts(article);
  for (const name of names(`${article.title}.\n${leadOf(article)}`, languageProfile(article.lang))) {
    counts.set(NAME_PREFIX + name, (counts.get(NAME_PREFIX + name) ?? 0) + NAME_WEIGHT);
  }
  return counts;
}

/** Document frequency of every term over a run's term counts. */
export function documentFrequencies(counts: Iterable<Map<string, number>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of counts) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/** Unit-length TF-IDF vector of one document's counts, given the run's document frequencies and size. */
export function tfidf(doc: Map<string, number>, df: Map<string, number>, n: number): TermVector {
  const vector: TermVector = new Map();
  let norm = 0;
  for (const [term, tf] of doc) {
    // ln(1 + N/df): a term every article shares still counts (ln 2). A run may hold nothing but one
    // story's articles, and the names they share are exactly what makes them one story.
    const weight = (1 + Math.log(tf)) * Math.log(1 + n / (df.get(term) ?? 1));
    if (weight <= 0) continue;
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

/** Terms per pooled chunk of compactCounts: 384 KB a chunk, small enough that the last one wastes little. */
const COUNT_CHUNK = 1 << 16;

/**
 * A run's term counts held as term numbers and counts in pooled typed-array chunks (each article's row in
 * one chunk, found through `chunkOf`, `offsets` and `lengths`), with the document frequencies; `vector(i)` weighs article
 * i's counts into its TF-IDF vector. Reading the text once and keeping this is what lets 100,000 articles fit
 * in memory: a pair of typed arrays per article cost more in object headers than their ~50 terms, pooled
 * they take 6 bytes a term, and fixed chunks never copy or over-allocate the way a doubling array does.
 */
export function compactCounts(articles: Article[]): { vector: (i: number) => TermVector } {
  const numbers = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const chunkOf = new Uint32Array(articles.length);
  const offsets = new Uint32Array(articles.length);
  const lengths = new Uint32Array(articles.length);
  const idChunks: Uint32Array[] = [];
  const tfChunks: Uint16Array[] = [];
  let used = 0;
  articles.forEach((article, i) => {
    const counts = termCounts(article);
    if (idChunks.length === 0 || used + counts.size > idChunks[idChunks.length - 1]!.length) {
      const size = Math.max(COUNT_CHUNK, counts.size);
      idChunks.push(new Uint32Array(size));
      tfChunks.push(new Uint16Array(size));
      used = 0;
    }
    const [ids, tfs] = [idChunks[idChunks.length - 1]!, tfChunks[tfChunks.length - 1]!];
    chunkOf[i] = idChunks.length - 1;
    offsets[i] = used;
    lengths[i] = counts.size;
    for (const [term, tf] of counts) {
      let id = numbers.get(term);
      if (id === undefined) {
        id = terms.length;
        numbers.set(term, id);
        terms.push(term);
        df.push(0);
      }
      df[id]!++;
      ids[used] = id;
      tfs[used++] = Math.min(tf, 0xffff);
    }
  });
  const n = articles.length;
  return {
    vector: (i: number): TermVector => {
      const [ids, tfs] = [idChunks[chunkOf[i]!]!, tfChunks[chunkOf[i]!]!];
      const doc = new Map<string, number>();
      const localDf = new Map<string, number>();
      const end = offsets[i]! + lengths[i]!;
      for (let k = offsets[i]!; k < end; k++) {
        const id = ids[k]!;
        doc.set(terms[id]!, tfs[k]!);
        localDf.set(terms[id]!, df[id]!);
      }
      return tfidf(doc, localDf, n);
    },
  };
}

export function tfidfVectors(counts: Map<string, number>[]): TermVector[] {
  const df = documentFrequencies(counts);
  return counts.map((doc) => tfidf(doc, df, counts.length));
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
