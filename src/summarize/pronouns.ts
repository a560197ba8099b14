// Standalone repair: a sentence opening with "He" or "She" may enter a summary without the sentence
// before it if the pronoun is replaced by the person's full name, but only when that is unambiguous:
// the sentence before names exactly one person, that person's full name appears in the article, and no
// honorific says the person is of the other gender. Anything less certain is left to the selector,
// which then needs the antecedent sentence itself.
//
// Written here rather than taken from an NLP library: coreference models are large, slow and
// probabilistic, and this rule must be exact enough to state in an audit.

import type { Sentence, SummaryEdit } from '../model.js';
import { outsideQuotations } from '../text/quotes.js';
import { english, type LanguageProfile } from '../text/languages/index.js';
import { escapeRegExp, perLanguage, wordEdges } from '../text/languages/patterns.js';

type Gender = 'he' | 'she';

/** Honorifics that say which pronoun fits; all others ("Dr.", "Mayor") say nothing about it. */
const GENDERED_HONORIFICS: ReadonlyMap<string, Gender> = new Map([
  ['Mr', 'he'], ['Mrs', 'she'], ['Ms', 'she'], ['Father', 'he'], ['Sister', 'she'], ['Sir', 'he'], ['Dame', 'she'],
]);


/** A capitalized name word: "Quint", "O’Brien", "Kowalczyk"; not an all-caps dateline. */
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+";


/**
 * Two or three name words in a row: a candidate full name ("Arne Fessel", "Lorna Beckett"). The
 * regex starts at a word boundary; the check that no letter or period precedes it (so "Mr. Arne" is
 * not matched from "r. Arne") is done by hand in `nameMatches`, since a Unicode lookbehind made this
 * the summarizer's slowest regex.
 */
const FULL_NAME_RE = new RegExp(`(${NAME_WORD}(?:\\s+${NAME_WORD}){1,2})`, 'gu');
const NAME_BOUNDARY_RE = /[\p{L}.]/u;

/**
 * A name counts as a person's when the article ties it to speech or age, not just a capital letter:
 * "Lorna Beckett said", "said Marisol Vance", "Dennis Orloff, 58,", and the appositive "…, Carla
 * Jimenez, said", "Ines Okafor, the board chair, said". An organization inside an appositive ("who leads
 * the Vessby Commuters' Association, said") is not preceded by a bare comma, so it is not the speaker.
 */
const APPOSITIVE_BEFORE_RE = /(?:^|,\s+)$/;

interface NamePatterns {
  /** "Mr. Fessel", "Mayor Dolores Quint", "Frau Anna Wessel": a title then one to three name words. */
  titled: RegExp;
  titles: ReadonlySet<string>;
  attributionAfter: RegExp;
  appositiveAfter: RegExp;
  attributionBefore: RegExp;
}

/**
 * The English patterns are the ones written for English copy, on its commonest verbs; other languages
 * read all their verbs of speech, and any apposition ("Anna Wessel, die Bürgermeisterin, sagte").
 */
const patternsFor = perLanguage((language: LanguageProfile): NamePatterns => {
  const titles = language.speech.personTitles;
  const titled = new RegExp(`${wordEdges(titles).before}(${titles.map(escapeRegExp).join('|')})\\.?\\s+((?:${NAME_WORD}\\s+){0,2}${NAME_WORD})`, 'gu');
  if (language === english) {
    return {
      titled,
      titles: new Set(titles),
      attributionAfter: /^\s+(?:said|says|told|wrote|added)\b|^,\s+\d{1,3},/,
      appositiveAfter: /^,\s+(?:(?:the|a|an|who)\b[^,]{0,80},\s+)?(?:said|says|told|wrote|added)\b/,
      attributionBefore: /\b(?:said|says|according to)\s+$/,
    };
  }
  const verbs = language.speech.attributionVerbs.map((v) => escapeRegExp(v).replaceAll(' ', '\\s+')).join('|');
  const prepositions = language.speech.attributionPrepositions.map((v) => escapeRegExp(v).replaceAll(' ', '\\s+')).join('|');
  const { before, after } = wordEdges(['ä']);
  return {
    titled,
    titles: new Set(titles),
    attributionAfter: new RegExp(`^\\s+(?:${verbs})${after}|^,\\s+\\d{1,3},`, 'iu'),
    appositiveAfter: new RegExp(`^,\\s+(?:[^,]{1,80},\\s+)?(?:${verbs})${after}`, 'iu'),
    attributionBefore: new RegExp(`${before}(?:${verbs}|${prepositions})\\s+$`, 'iu'),
  };
});

/** FULL_NAME_RE matches that start a word: not preceded by a letter or a period. */
function* nameMatches(text: string): Generator<RegExpMatchArray> {
  for (const match of text.matchAll(FULL_NAME_RE)) {
    const at = match.index ?? 0;
    if (at === 0 || !NAME_BOUNDARY_RE.test(text.charAt(at - 1))) yield match;
  }
}

const OPENING_PRONOUN_RE = /^(He|She)\b/;


interface Person {
  surname: string;
  fullName: string;
  gender?: Gender;
}

/** Everything the resolver learns about the article's people in one pass. */
export interface PeopleIndex {
  /** Surname → the first full name ("Arne Fessel") given for it. */
  fullNames: Map<string, string>;
  /** Surname → pronoun its honorifics show, or null when honorifics disagree. */
  genders: Map<string, Gender | null>;
}

export function indexPeople(sentences: readonly Sentence[], language: LanguageProfile = english): PeopleIndex {
  const patterns = patternsFor(language);
  const fullNames = new Map<string, string>();
  const genders = new Map<string, Gender | null>();
  const titled = new Set<string>();
  const texts = sentences.map((sentence) => outsideQuotations(sentence.text, language));
  for (const text of texts) {
    for (const match of text.matchAll(patterns.titled)) {
      const words = (match[2] ?? '').split(/\s+/).filter((w) => !patterns.titles.has(w));
      const surname = words.at(-1) ?? '';
      if (!surname) continue;
      titled.add(surname);
      if (words.length > 1 && !fullNames.has(surname)) fullNames.set(surname, words.join(' '));
      const gender = GENDERED_HONORIFICS.get(match[1] ?? '');
      if (gender) genders.set(surname, genders.has(surname) && genders.get(surname) !== gender ? null : gender);
    }
  }
  // A full name is a person's when the article also gives the surname a title ("Arne Fessel" … "Mr.
  // Fessel") or ties the name to speech or an age; the first such full name is the one used.
  for (const text of texts) {
    for (const match of nameMatches(text)) {
      const words = (match[1] ?? '').split(/\s+/).filter((w) => !patterns.titles.has(w));
      if (words.length < 2) continue;
      const surname = words.at(-1) ?? '';
      if (fullNames.has(surname)) continue;
      const after = text.slice((match.index ?? 0) + (match[1]?.length ?? 0));
      const before = text.slice(0, match.index ?? 0);
      const appositive = patterns.appositiveAfter.test(after) && APPOSITIVE_BEFORE_RE.test(before);
      if (titled.has(surname) || appositive || patterns.attributionAfter.test(after) || patterns.attributionBefore.test(before)) {
        fullNames.set(surname, words.join(' '));
      }
    }
  }
  return { fullNames, genders };
}

/**
 * The distinct people a sentence names outside its quotations, by surname: every titled name, and every
 * full name the index knows as a person's ("Canal Street" never is). A person without a known full name
 * still counts, so that two people in one sentence are never mistaken for one.
 */
function peopleIn(text: string, index: PeopleIndex, language: LanguageProfile): Person[] {
  const patterns = patternsFor(language);
  const plain = outsideQuotations(text, language);
  const found = new Map<string, Person>();
  const add = (surname: string): void => {
    if (found.has(surname)) return;
    const gender = index.genders.get(surname);
    found.set(surname, { surname, fullName: index.fullNames.get(surname) ?? '', ...(gender ? { gender } : {}) });
  };
  for (const match of plain.matchAll(patterns.titled)) {
    const surname = (match[2] ?? '').split(/\s+/).filter((w) => !patterns.titles.has(w)).at(-1);
    if (surname) add(surname);
  }
  for (const match of nameMatches(plain)) {
    const words = (match[1] ?? '').split(/\s+/).filter((w) => !patterns.titles.has(w));
    const surname = words.at(-1) ?? '';
    if (words.length >= 2 && index.fullNames.has(surname)) add(surname);
  }
  return [...found.values()];
}

/**
 * The edit that lets `sentence` stand alone by naming who its opening "He"/"She" is, or undefined when
 * the previous sentence does not settle it beyond doubt.
 */
export function opensWithPersonalPronoun(text: string): boolean {
  return OPENING_PRONOUN_RE.test(text);
}

export function resolveOpeningPronoun(
  sentence: Sentence,
  previous: Sentence | undefined,
  index: PeopleIndex,
  language: LanguageProfile = english,
): SummaryEdit | undefined {
  const pronoun = OPENING_PRONOUN_RE.exec(sentence.text)?.[1];
  if (!pronoun || !previous) return undefined;
  const people = peopleIn(previous.text, index, language);
  if (people.length !== 1) return undefined;
  const person = people[0]!;
  if (!person.fullName) return undefined;
  const wanted: Gender = pronoun === 'He' ? 'he' : 'she';
  if (person.gender && person.gender !== wanted) return undefined;
  return { kind: 'pronoun', from: pronoun, to: person.fullName, at: 0 };
}
