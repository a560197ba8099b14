// Full names for short references: a summary that keeps "Mr. Castell said…" but not the sentence that
// introduced Omar Castell leaves the reader asking who Mr. Castell is. The assembler restores the full name
// at the first short reference the summary shows ("Omar Castell said…", "Dr. Ines Varga said…") and records
// the change as an edit, so provenance still reproduces the sentence from its source.

import type { Sentence, SummaryEdit } from '../model.js';
import { indexPeople, type PeopleIndex } from './pronouns.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { escapeRegExp, perLanguage, wordEdges } from '../text/languages/patterns.js';


/** A given name or an initial: "Omar", "J.", "R.". */
const GIVEN = "(?:\\p{Lu}[\\p{Ll}'’-]+|\\p{Lu}\\.)";
interface TitlePatterns {
  /** Courtesy titles the full name replaces ("Mr. Castell" → "Omar Castell", "Frau Wessel" → "Anna Wessel"), as news style does. */
  courtesy: ReadonlySet<string>;
  /** Courtesy titles and the titles kept before the full name ("Dr. Varga" → "Dr. Ines Varga"). */
  titleWords: ReadonlySet<string>;
  /** A title and one name word that does not go on to a second ("Mayor Roland Achterberg" is a full name). */
  titledShort: RegExp;
  /** What stands before a surname written in full: a given name, an initial or a particle. */
  givenBefore: RegExp;
  particle: string;
  /** Quoted spans: a quotation is the speaker's words and is never edited. */
  quoted: RegExp;
}

/** Lowercase particles inside names ("Juan Ramón de la Fuente"), as English copy writes them. */
const ENGLISH_PARTICLE = '(?:de|la|del|der|van|von|da|di|du|le)';

const patternsFor = perLanguage((language: LanguageProfile): TitlePatterns => {
  const { courtesyTitles, keptTitles, nameParticles, quotePairs } = language.speech;
  const particle = language === english ? ENGLISH_PARTICLE : `(?:${[...nameParticles].map(escapeRegExp).join('|')})`;
  const titles = [...courtesyTitles, ...keptTitles].map(escapeRegExp).join('|');
  return {
    courtesy: new Set(courtesyTitles),
    titleWords: new Set([...courtesyTitles, ...keptTitles]),
    titledShort: new RegExp(
      `${wordEdges([...courtesyTitles, ...keptTitles]).before}(${titles})\\.?\\s+((?:${particle}\\s+)*)(\\p{Lu}[\\p{Ll}'’-]+)(?![\\p{L}'’-]|\\s+(?:\\p{Lu}|${particle}\\s))`,
      'gu',
    ),
    givenBefore: new RegExp(`(?:${GIVEN}|${particle})\\s+$`, 'u'),
    particle,
    quoted: new RegExp(quotePairs.map(([open, close]) => `${escapeRegExp(open)}[^${escapeRegExp(close)}]*(?:${escapeRegExp(close)}|$)`).join('|'), 'g'),
  };
});

const POSSESSIVE_RE = /['’]s$/;


/** A mention of a person whose full name the article gives: in full, or short with the full form to restore. */
export interface PersonMention {
  surname: string;
  at: number;
  /** Written in full ("Omar Castell", "Mayor Dolores Quint"): nothing to restore. */
  full: boolean;
  from: string;
  to: string;
  /** Inside a quotation, where it cannot be edited. */
  quoted: boolean;
}

export interface PeopleNames {
  /** Surname → given names and surname as the article first writes them ("Omar Castell", "J. R. Talley"). */
  fullNames: ReadonlyMap<string, string>;
  /** Every known surname as one alternation, compiled once per article (longest first). */
  surnames?: RegExp;
}

const LETTER_BEFORE_RE = /[\p{L}'’-]$/u;
/** After a surname, the rest of a longer proper name ("Castell Street", "Hollis-Bram"). */
const LONGER_NAME_AFTER_RE = /^[\s-]+\p{Lu}|^-/u;

/**
 * The full name of everyone the article calls by a title and surname or gives a full name in speech
 * ("Omar Castell, the port director, said"): the first "Given … Surname" the article writes for them.
 */
export function peopleNames(sentences: readonly Sentence[], index: PeopleIndex = indexPeople(sentences), language: LanguageProfile = english): PeopleNames {
  const patterns = patternsFor(language);
  const fullNames = new Map(index.fullNames);
  const texts = sentences.map((s) => s.text);
  const surnames = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(patterns.titledShort)) surnames.add((match[3] ?? '').replace(POSSESSIVE_RE, ''));
  // Names written with initials ("J. R. Talley") or particles are beyond indexPeople's pattern.
  for (const surname of surnames) {
    if (!surname || fullNames.has(surname)) continue;
    const re = new RegExp(`(?<![\\p{L}.])((?:${GIVEN}\\s+)(?:(?:${GIVEN}|${patterns.particle})\\s+){0,3})${escape(surname)}\\b`, 'u');
    for (const text of texts) {
      if (!text.includes(surname)) continue;
      const match = re.exec(text);
      if (!match) continue;
      const given = (match[1] ?? '').trim().split(/\s+/);
      if (given.some((w) => patterns.titleWords.has(w.replace(/\.$/, '')))) continue;
      fullNames.set(surname, `${given.join(' ')} ${surname}`);
      break;
    }
  }
  const alternation = [...fullNames.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  return { fullNames, ...(alternation ? { surnames: new RegExp(`\\b(?:${alternation})\\b`, 'gu') } : {}) };
}

/**
 * The mentions in `text`, in order, of people whose full name the article gives: in full, by title and
 * surname ("Mr. Castell", "Dr. Varga") or by surname alone ("Vasquez scored…"), the short ones with the
 * full form to restore.
 */
export function personMentions(text: string, people: PeopleNames, language: LanguageProfile = english): PersonMention[] {
  const patterns = patternsFor(language);
  if (!people.surnames) return [];
  const quoted = quotedSpans(text, patterns.quoted);
  const inQuote = (at: number): boolean => quoted.some(([start, end]) => at >= start && at < end);
  const found: PersonMention[] = [];
  const covered: Array<[number, number]> = [];
  for (const match of text.matchAll(patterns.titledShort)) {
    const title = match[1] ?? '';
    const written = match[3] ?? '';
    // "Mr. Fessel's": the possessive stays in the text, after the restored name.
    const surname = written.replace(POSSESSIVE_RE, '');
    const full = people.fullNames.get(surname);
    if (!full) continue;
    const at = match.index ?? 0;
    const from = match[0].slice(0, match[0].length - (written.length - surname.length));
    covered.push([at, at + match[0].length]);
    const to = patterns.courtesy.has(title) ? full : `${from.slice(0, from.length - (match[2] ?? '').length - surname.length)}${full}`;
    found.push({ surname, at, full: false, from, to, quoted: inQuote(at) });
  }
  for (const match of text.matchAll(people.surnames)) {
    const surname = match[0];
    const at = match.index ?? 0;
    if (covered.some(([start, end]) => at >= start && at < end)) continue;
    const before = text.slice(Math.max(0, at - 40), at);
    if (LETTER_BEFORE_RE.test(before) || LONGER_NAME_AFTER_RE.test(text.slice(at + surname.length))) continue;
    const given = patterns.givenBefore.exec(before);
    const full = given !== null && !patterns.titleWords.has(given[0].trim().replace(/\.$/, ''));
    found.push({ surname, at, full, from: surname, to: people.fullNames.get(surname) ?? surname, quoted: inQuote(at) });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The recorded edit that puts the full name in place of a short reference. */
export function nameEdit(reference: PersonMention): SummaryEdit {
  return { kind: 'name', from: reference.from, to: reference.to, at: reference.at };
}

function quotedSpans(text: string, quoted: RegExp): Array<[number, number]> {
  return [...text.matchAll(quoted)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
