// Building blocks for the regular expressions the text stages make from a language's word lists.

/** Escapes a word for use inside a regular expression. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One of `words` as a regular expression source: the first letter in either case ("According to…" and
 * "Said Ms. Voss…" open sentences), spaces inside a phrase matching any whitespace ("a déclaré").
 */
export function wordAlternation(words: readonly string[]): string {
  return words
    .map((word) => {
      const first = word.charAt(0);
      const head = first.toLowerCase() === first.toUpperCase() ? escapeRegExp(first) : `[${first}${first.toUpperCase()}]`;
      return `${head}${escapeRegExp(word.slice(1)).replaceAll(' ', '\\s+')}`;
    })
    .join('|');
}

export interface WordEdges {
  /** Regular expression source that a word starts here. */
  before: string;
  /** Regular expression source that a word ends here. */
  after: string;
  /** Flags the edges need. */
  flags: string;
}

const ASCII_RE = /^[\x00-\x7f]*$/;

/**
 * Word edges for patterns over `words`: `\b` where every word is ASCII (English, whose patterns stay as
 * cheap as they were), Unicode letter edges elsewhere, since `\b` sees no word end after "afirmó".
 */
export function wordEdges(words: readonly string[]): WordEdges {
  if (words.every((word) => ASCII_RE.test(word))) return { before: '\\b', after: '\\b', flags: '' };
  return { before: '(?<![\\p{L}\\p{N}_])', after: '(?![\\p{L}\\p{N}_])', flags: 'u' };
}

/** A value computed once per language profile (or any object), on first use. */
export function perLanguage<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}
