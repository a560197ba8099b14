// Full names for short references: a summary that keeps "Mr. Castell said…" but not the sentence that
// introduced Omar Castell leaves the reader asking who Mr. Castell is. The assembler restores the full name
// at the first short reference the summary shows ("Omar Castell said…", "Dr. Ines Varga said…") and records
// the change as an edit, so provenance still reproduces the sentence from its source.

import type { Sentence, SummaryEdit } from '../model.js';
import { indexPeople } from './pronouns.js';

/** Courtesy titles the full name replaces ("Mr. Castell" → "Omar Castell"), as news style does. */
const COURTESY_TITLES: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx']);

/** Titles kept before the full name ("Dr. Varga" → "Dr. Ines Varga", "Mayor Quint" → "Mayor Dolores Quint"). */
const KEPT_TITLES =
  'Dr|Prof|Professor|Rev|Father|Sister|Sir|Dame|Mayor|Gov|Governor|Sen|Senator|Rep|Representative|President|' +
  'Councilmember|Councilwoman|Councilman|Superintendent|Judge|Justice|Chief|Commissioner|Sheriff|Secretary|' +
  'Minister|Coach|Capt|Captain|Sgt|Sergeant|Lt|Detective|Officer|Inspector|Director|Principal|Trustee';

const TITLE_WORDS: ReadonlySet<string> = new Set([...COURTESY_TITLES, ...KEPT_TITLES.split('|')]);

/** A given name or an initial: "Omar", "J.", "R.". */
const GIVEN = "(?:\\p{Lu}[\\p{Ll}'’-]+|\\p{Lu}\\.)";
/** Lowercase particles inside names ("Juan Ramón de la Fuente"). */
const PARTICLE = '(?:de|la|del|der|van|von|da|di|du|le)';

/** A title and one name word that does not go on to a second ("Mayor Roland Achterberg" is a full name). */
const TITLED_SHORT_RE = new RegExp(
  `\\b(${[...COURTESY_TITLES].join('|')}|${KEPT_TITLES})\\.?\\s+((?:${PARTICLE}\\s+)*)(\\p{Lu}[\\p{Ll}'’-]+)(?![\\p{L}'’-]|\\s+(?:\\p{Lu}|${PARTICLE}\\s))`,
  'gu',
);

/** Quoted spans: a quotation is the speaker's words and is never edited. */
const QUOTED_RE = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;

/** A short reference to a person in one sentence: where it is, what it says, and its full form. */
export interface ShortReference {
  surname: string;
  at: number;
  from: string;
  to: string;
  /** Inside a quotation, where it cannot be edited. */
  quoted: boolean;
}

export interface PeopleNames {
  /** Surname → given names and surname as the article first writes them ("Omar Castell", "J. R. Talley"). */
  fullNames: ReadonlyMap<string, string>;
}

/**
 * The full name of everyone the article calls by a title and surname or gives a full name in speech
 * ("Omar Castell, the port director, said"): the first "Given … Surname" the article writes for them.
 */
export function peopleNames(sentences: readonly Sentence[]): PeopleNames {
  const fullNames = new Map(indexPeople(sentences).fullNames);
  const texts = sentences.map((s) => s.text);
  const surnames = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(TITLED_SHORT_RE)) surnames.add(match[3] ?? '');
  // Names written with initials ("J. R. Talley") or particles are beyond indexPeople's pattern.
  for (const surname of surnames) {
    if (!surname || fullNames.has(surname)) continue;
    const re = new RegExp(`(?<![\\p{L}.])((?:${GIVEN}\\s+)(?:(?:${GIVEN}|${PARTICLE})\\s+){0,3})${escape(surname)}\\b`, 'u');
    for (const text of texts) {
      const match = re.exec(text);
      if (!match) continue;
      const given = (match[1] ?? '').trim().split(/\s+/);
      if (given.some((w) => TITLE_WORDS.has(w.replace(/\.$/, '')))) continue;
      fullNames.set(surname, `${given.join(' ')} ${surname}`);
      break;
    }
  }
  return { fullNames };
}

/** Whether `text` gives the person's full name: the surname right after a given name or initial. */
export function givesFullName(text: string, surname: string): boolean {
  const re = new RegExp(`${GIVEN}\\s+(?:${PARTICLE}\\s+)*${escape(surname)}\\b`, 'gu');
  for (const match of text.matchAll(re)) {
    const first = match[0].split(/\s+/)[0]!.replace(/\.$/, '');
    if (!TITLE_WORDS.has(first)) return true;
  }
  return false;
}

/**
 * Short references in `text` to people whose full name the article gives: a title and surname ("Mr.
 * Castell", "Dr. Varga") or the surname alone ("Vasquez scored…"), each with the full form to restore.
 */
export function shortReferences(text: string, people: PeopleNames): ShortReference[] {
  const quoted = quotedSpans(text);
  const inQuote = (at: number): boolean => quoted.some(([start, end]) => at >= start && at < end);
  const found: ShortReference[] = [];
  const covered: Array<[number, number]> = [];
  for (const match of text.matchAll(TITLED_SHORT_RE)) {
    const title = match[1] ?? '';
    const surname = match[3] ?? '';
    const full = people.fullNames.get(surname);
    if (!full) continue;
    const at = match.index ?? 0;
    covered.push([at, at + match[0].length]);
    const to = COURTESY_TITLES.has(title) ? full : `${match[0].slice(0, match[0].length - (match[2] ?? '').length - surname.length)}${full}`;
    found.push({ surname, at, from: match[0], to, quoted: inQuote(at) });
  }
  for (const [surname, full] of people.fullNames) {
    const re = new RegExp(`\\b${escape(surname)}\\b`, 'gu');
    for (const match of text.matchAll(re)) {
      const at = match.index ?? 0;
      if (covered.some(([start, end]) => at >= start && at < end)) continue;
      const before = text.slice(Math.max(0, at - 40), at);
      if (/[\p{L}'’-]$/u.test(before)) continue;
      // Part of a full name or a longer proper name ("Omar Castell", "Castell Street", "Hollis-Bram").
      if (new RegExp(`(?:${GIVEN}|${PARTICLE})\\s+$`, 'u').test(before) || /^[\s-]+\p{Lu}|^-/u.test(text.slice(at + surname.length))) continue;
      found.push({ surname, at, from: surname, to: full, quoted: inQuote(at) });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The recorded edit that puts the full name in place of a short reference. */
export function nameEdit(reference: ShortReference): SummaryEdit {
  return { kind: 'name', from: reference.from, to: reference.to, at: reference.at };
}

function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(QUOTED_RE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
