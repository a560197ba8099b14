// Who an article names, read for the evaluation's dangling-reference detector. Written apart from the
// summarizer (src/summarize/, src/text/speakers.ts, src/text/quotes.ts) on purpose: a measure that
// shares code with what it measures agrees with it by construction. Only the generic tokenizer is shared.

/** Words that put a person's role or courtesy title before a name ("Mr. Castell", "Mayor Quint"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Rev', 'Father', 'Sister', 'Bishop',
  'Mayor', 'Gov', 'Governor', 'Sen', 'Senator', 'Rep', 'Representative', 'President', 'Councilmember',
  'Councilwoman', 'Councilman', 'Alderman', 'Superintendent', 'Principal', 'Judge', 'Justice', 'Chief',
  'Commissioner', 'Sheriff', 'Secretary', 'Minister', 'Coach', 'Captain', 'Capt', 'Sgt', 'Sergeant', 'Lt',
  'Lieutenant', 'Detective', 'Officer', 'Inspector', 'Director', 'Chairman', 'Chairwoman', 'Trustee', 'Deputy',
]);

/** Lowercase words inside names ("Juan Ramón de la Fuente", "Anneke van Dijk"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'la', 'del', 'der', 'van', 'von', 'da', 'di', 'du', 'le', 'bin', 'al']);

/**
 * What ties a capitalized pair to a person rather than a place or a company: speech right after it
 * ("Omar Castell said"), an age or a relative clause ("Ruth Hollis, 67,", "…, who"), or speech right before
 * it ("said Beatrix Moll").
 */
const PERSON_AFTER_RE = /^(?:,\s+\d{1,3},|,\s+who\b|\s+(?:said|says|told|asked|added|wrote|recalled|explained|noted|argued|warned))/;
const PERSON_BEFORE_RE = /\b(?:said|says|according to)\s+$/;

/** One word of running text with where it starts; punctuation between words is kept in `gap`. */
interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD_RE = /\p{L}[\p{L}'’-]*\.?/gu;
const CAPITALIZED_RE = /^\p{Lu}/u;
const INITIAL_RE = /^\p{Lu}\.$/u;
const POSSESSIVE_RE = /['’]s$/;

/** A run of capitalized words read as a reference to someone. */
export interface NameReference {
  /** Last word of the name, possessive removed: what the text calls the person after the first mention. */
  surname: string;
  /** True when the run gives more than the surname ("Omar Castell", "J. R. Talley", "Mayor Dolores Quint"). */
  full: boolean;
  /** True when a title stands before it ("Mr. Castell"). */
  titled: boolean;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function bare(word: string): string {
  return word.replace(/\.$/, '').replace(POSSESSIVE_RE, '');
}

/**
 * Every run of capitalized words (initials and name particles allowed inside, nothing but spaces between)
 * with its leading titles split off. A run of one untitled word is a bare surname only if the caller
 * knows it as one.
 */
export function nameReferences(text: string): NameReference[] {
  const all = words(text);
  const references: NameReference[] = [];
  let i = 0;
  while (i < all.length) {
    if (!CAPITALIZED_RE.test(all[i]!.text)) {
      i += 1;
      continue;
    }
    const run: Word[] = [all[i]!];
    let j = i + 1;
    while (j < all.length && /^\s+$/.test(text.slice(all[j - 1]!.end, all[j]!.start)) && !/['’]s$/.test(all[j - 1]!.text)) {
      const next = all[j]!.text;
      if (!CAPITALIZED_RE.test(next) && !NAME_PARTICLES.has(next)) break;
      if (/\.$/.test(all[j - 1]!.text) && !INITIAL_RE.test(all[j - 1]!.text) && !PERSON_TITLES.has(bare(all[j - 1]!.text))) break;
      run.push(all[j]!);
      j += 1;
    }
    i = j;
    let first = 0;
    while (first < run.length - 1 && PERSON_TITLES.has(bare(run[first]!.text))) first += 1;
    const name = run.slice(first).filter((w) => !NAME_PARTICLES.has(w.text) && !PERSON_TITLES.has(bare(w.text)));
    const last = name.at(-1);
    if (!last || PERSON_TITLES.has(bare(last.text)) || INITIAL_RE.test(last.text)) continue;
    references.push({
      surname: bare(last.text),
      full: name.length >= 2,
      titled: first > 0,
      start: run[0]!.start,
      end: last.text.endsWith('.') ? last.end - 1 : last.end,
    });
  }
  return references;
}

/**
 * Surnames of the people an article gives a full name to: a full name whose surname the article also uses
 * with a title, or a full name tied to speech, an age or a relative clause.
 */
export function peopleWithFullNames(article: string): Set<string> {
  const references = nameReferences(article);
  const titled = new Set(references.filter((r) => r.titled).map((r) => r.surname));
  const people = new Set<string>();
  for (const reference of references) {
    if (!reference.full) continue;
    const after = article.slice(reference.end, reference.end + 40);
    const before = article.slice(Math.max(0, reference.start - 30), reference.start);
    if (titled.has(reference.surname) || PERSON_AFTER_RE.test(after) || PERSON_BEFORE_RE.test(before)) {
      people.add(reference.surname);
    }
  }
  return people;
}
