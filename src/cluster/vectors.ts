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
 * A run's term counts held as term numbers and counts in pooled typed-array chunks (each row in one chunk,
 * found through `chunkOf`, `offsets` and `lengths`). Reading the text once and keeping this is what lets
 * 100,000 articles fit in memory: a pair of typed arrays per article cost more in object headers than their
 * ~50 terms, pooled they take 6 bytes a term, and fixed chunks never copy or over-allocate the way a
 * doubling array does. A run fills it as it reads its articles, then lets their texts go.
 */
export class TermTable {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  private chunkOf = new Uint32Array(1024);
  private offsets = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private readonly idChunks: Uint32Array[] = [];
  private readonly tfChunks: Uint16Array[] = [];
  private used = 0;
  private rows = 0;

  /** Rows added so far. */
  get size(): number {
    return this.rows;
  }

  /** Adds one document's counts; returns its row. */
  add(counts: Map<string, number>): number {
    const row = this.rows++;
    if (row >= this.chunkOf.length) this.grow();
    if (this.idChunks.length === 0 || this.used + counts.size > this.idChunks[this.idChunks.length - 1]!.length) {
      const size = Math.max(COUNT_CHUNK, counts.size);
      this.idChunks.push(new Uint32Array(size));
      this.tfChunks.push(new Uint16Array(size));
      this.used = 0;
    }
    const [ids, tfs] = [this.idChunks[this.idChunks.length - 1]!, this.tfChunks[this.tfChunks.length - 1]!];
    this.chunkOf[row] = this.idChunks.length - 1;
    this.offsets[row] = this.used;
    this.lengths[row] = counts.size;
    for (const [term, tf] of counts) {
      let id = this.numbers.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.numbers.set(term, id);
        this.terms.push(term);
      }
      ids[this.used] = id;
      tfs[this.used++] = Math.min(tf, 0xffff);
    }
    return row;
  }

  /**
   * Weighs the given rows into TF-IDF vectors, with document frequencies over those rows only (the set
   * being clustered): `vector(i)` is the vector of `rows[i]`.
   */
  vectors(rows: readonly number[]): { vector: (i: number) => TermVector } {
    const df = new Uint32Array(this.terms.length);
    for (const row of rows) this.eachTerm(row, (id) => df[id]!++);
    const n = rows.length;
    return {
      vector: (i: number): TermVector => {
        const doc = new Map<string, number>();
        const localDf = new Map<string, number>();
        this.eachTerm(rows[i]!, (id, tf) => {
          doc.set(this.terms[id]!, tf);
          localDf.set(this.terms[id]!, df[id]!);
        });
        return tfidf(doc, localDf, n);
      },
    };
  }

  private eachTerm(row: number, visit: (id: number, tf: number) => void): void {
    const [ids, tfs] = [this.idChunks[this.chunkOf[row]!]!, this.tfChunks[this.chunkOf[row]!]!];
    const end = this.offsets[row]! + this.lengths[row]!;
    for (let k = this.offsets[row]!; k < end; k++) visit(ids[k]!, tfs[k]!);
  }

  private grow(): void {
    const bigger = (old: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const next = new Uint32Array(old.length * 2);
      next.set(old);
      return next;
    };
    this.chunkOf = bigger(this.chunkOf);
    this.offsets = bigger(this.offsets);
    this.lengths = bigger(this.lengths);
  }
}

/** The TF-IDF vectors of these articles' term counts (document frequencies over them): `vector(i)` for articles[i]. */
export function compactCounts(articles: Article[]): { vector: (i: number) => TermVector } {
  const table = new TermTable();
  return table.vectors(articles.map((article) => table.add(termCounts(article))));
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
