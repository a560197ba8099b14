// Named entities, numbers and dates by capitalization rules and honorifics. Hand rules rather than an
// NLP library: the auditor runs on every summary sentence (target ≥ 500 sentences/s on one core), and a
// general tagger costs milliseconds per sentence while still missing the news-specific cues that matter
// here ("Mr. Rubio" is the "Marco Rubio" introduced earlier; "the security minister, Omar García Harfuch"
// gives a role). The titles, offices and name particles are the language's (languages/).
import { english, type LanguageProfile } from './languages/index.js';
import { escapeRegExp, perLanguage, wordEdges } from './languages/patterns.js';

/** English office words and non-name words (languages/en.ts), for the English-only audit checks. */
export const ROLE_WORDS: ReadonlySet<string> = english.speech.roleWords;
export const NOT_NAME_WORDS: ReadonlySet<string> = english.speech.notNameWords;

/**
 * Common nouns that, right before a name, say it names an organization: "the fund Northlight Capital",
 * "the haulage firm Dunmore Freight", "team Helix".
 */
const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'fund', 'firm', 'company', 'airline', 'bank', 'band', 'team', 'club', 'group', 'charity', 'publisher', 'chain',
  'operator', 'insurer', 'lender', 'retailer', 'carrier', 'broadcaster', 'newspaper', 'magazine', 'label', 'brand',
  'startup', 'maker', 'manufacturer', 'supplier', 'contractor', 'consultancy', 'investor', 'party', 'union', 'choir',
  'orchestra', 'studio', 'network', 'cooperative', 'foundation', 'trust', 'agency',
]);

export interface PersonMention {
  /** The words that name the person, without honorific or title ("Marco Rubio", "Rubio"). */
  name: string;
  /** Last name word, lowercased: the key that ties "Mr. Rubio" to "Marco Rubio". */
  key: string;
  start: number;
  end: number;
  gender?: 'm' | 'f';
  /** Role words written right before the name ("secretary of state"), lowercased. */
  role?: string;
}

const CAP_WORD = String.raw`\p{Lu}[\p{L}’'\-]*\.?`;
/**
 * Capitalized words in a row, with the language's name particles between them ("Juan Ramón de la Fuente"),
 * read where a capital letter starts them (sticky: see nameSequences).
 */
const nameSequenceFor = perLanguage(
  (language: LanguageProfile): RegExp =>
    new RegExp(String.raw`(?:(?:${CAP_WORD})(?:\s+(?:(?:${[...language.speech.nameParticles].map(escapeRegExp).join('|')})\s+)*${CAP_WORD})*)`, 'uy'),
);
const CAPITAL_RE = /\p{Lu}/u;

/**
 * Every run of capitalized words, left to right: the matches the sequence read globally would give, with
 * the next capital letter found by a character loop instead of the regex trying every position.
 */
function* nameSequences(text: string, sequence: RegExp): Generator<RegExpExecArray> {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const capital = code < 128 ? code >= 65 && code <= 90 : CAPITAL_RE.test(String.fromCodePoint(text.codePointAt(i)!));
    if (!capital) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    sequence.lastIndex = i;
    const m = sequence.exec(text)!;
    yield m;
    i += Math.max(1, m[0].length);
  }
}

/**
 * People mentioned in `text`. `known` maps last names to people already introduced (the source
 * article's people when reading a summary), so a lone "Sheinbaum" counts as a person.
 */
export function findPeople(text: string, known?: ReadonlyMap<string, PersonMention>, language: LanguageProfile = english): PersonMention[] {
  const { roleWords: offices, honorifics, notNameWords: notNames, nonPersonWords: nonPerson, nameParticles: particles } = language.speech;
  const people: PersonMention[] = [];
  for (const m of nameSequences(text, nameSequenceFor(language))) {
    let words = m[0].split(/\s+/);
    let offset = m.index;
    let gender: 'm' | 'f' | undefined;
    let honorific = false;
    const roleWords: string[] = [];
    // "Talmori Foreign Minister Helga Norrøy": a capitalized title inside the sequence, with its body
    // before it, ends where the name begins.
    const lastRole = words.slice(0, -1).findLastIndex((w, i) => i > 0 && offices.has(w.toLowerCase()));
    if (lastRole > 0 && words.length - lastRole - 1 >= 2) {
      roleWords.push(...words.slice(0, lastRole + 1).map((w) => w.toLowerCase()));
      for (const w of words.slice(0, lastRole + 1)) offset = text.indexOf(w, offset) + w.length;
      offset += text.slice(offset).match(/^\s+/)?.[0].length ?? 0;
      words = words.slice(lastRole + 1);
    }
    // Leading honorifics, titles, "Mexico’s"-style possessives and sentence openers are not the name.
    while (words.length > 1) {
      const first = words[0]!;
      const lower = first.toLowerCase();
      if (honorifics.has(first)) {
        gender = honorifics.get(first);
        honorific = true;
      } else if (offices.has(lower) || (roleWords.length > 0 && /^(?:of|state|foreign|interior|defense|finance|health)$/.test(lower))) {
        roleWords.push(lower);
      } else if (!notNames.has(lower) && !/[’']s$/.test(first) && !/^(?:\p{Lu}\.)+$/u.test(first) && !/^\p{Lu}\p{Ll}+-\p{Ll}/u.test(first)) {
        break;
      }
      offset += first.length + (text.slice(offset + first.length).match(/^\s+/)?.[0].length ?? 0);
      words = words.slice(1);
    }
    // "Claudia Sheinbaum of Mexico": the name ends where "of" starts.
    const ofAt = words.indexOf('of');
    if (ofAt >= 0) words = words.slice(0, ofAt);
    while (words.length > 0 && particles.has(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.length === 0) continue;
    const name = words.join(' ').replace(/[’']s$/, '').replace(/\.$/, '');
    const parts = name.split(' ');
    const lastWord = parts[parts.length - 1]!;
    const lowerWords = parts.map((w) => w.toLowerCase());
    const key = lowerWords[lowerWords.length - 1]!;
    // Particles inside a name ("Joost de Wit") are articles elsewhere, and no reason to doubt the name.
    if (!lowerWords.every((w) => particles.has(w) || (!nonPerson.has(w) && !notNames.has(w)))) continue;
    // A full name, a name the reader already knows, or one word after a title or honorific.
    const isKnown = known?.has(key) === true && lowerWords.length === 1;
    const isFullName = lowerWords.length >= 2;
    if (!(isKnown || isFullName || honorific || roleWords.length > 0 || precededByRole(text, offset, offices))) continue;
    // The organization nouns and locative prepositions are English lexicons.
    if (
      language === english &&
      !honorific &&
      roleWords.length === 0 &&
      (ORGANIZATION_NOUNS.has(lowerWords[0]!) || namedAsOrganization(text, offset) || namedAsPlace(text, offset))
    ) {
      continue;
    }
    if (/^\p{Lu}\.?$/u.test(lastWord)) continue;
    // "PORTA NEVA —": a dateline in capitals is a place, not a person.
    if (!/\p{Ll}/u.test(name)) continue;
    const role = roleWords.length > 0 ? roleWords.join(' ') : precededByRole(text, offset, offices);
    people.push({
      name,
      key,
      start: offset,
      end: offset + name.length,
      ...(gender ? { gender } : {}),
      ...(role ? { role } : {}),
    });
  }
  return people;
}

/** "the fund Northlight Capital", "team Corvo": an organization noun (and its qualifiers) right before the name. */
function namedAsOrganization(text: string, at: number): boolean {
  const words = text.slice(Math.max(0, at - 40), at).toLowerCase().trimEnd().split(/\s+/);
  return ORGANIZATION_NOUNS.has(words[words.length - 1] ?? '');
}

/** Prepositions that put what follows in a place: "at Pic Sorel", "in Vorn". */
const LOCATIVE_BEFORE_RE = /\b(?:at|in|near|outside|inside|via)\s+$/i;

/** "the ski station at Pic Sorel": right after a locative preposition, a name without a title is a place. */
function namedAsPlace(text: string, at: number): boolean {
  return LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, at - 8), at));
}

/** A lowercase role right before a name ("the security minister Ana Ruiz" → "security minister"). */
function precededByRole(text: string, at: number, offices: ReadonlySet<string>): string | undefined {
  const before = text.slice(Math.max(0, at - 40), at);
  if (!/\s$/.test(before)) return undefined;
  // Split rather than an end-anchored regex, which would rescan the slice from every position.
  const words = before.toLowerCase().trimEnd().split(/\s+/);
  const last = words[words.length - 1];
  if (!last || !offices.has(last)) return undefined;
  const previous = words[words.length - 2];
  return previous && /^[a-z]+$/.test(previous) ? `${previous} ${last}` : last;
}

const APPOSITIVE_AFTER_RE = /^,\s+(?:(?:the|a|an|its|his|her|their|[\p{L}]+[’']s)\s+)*((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+)/u;
const APPOSITIVE_BEFORE_RE = /(?<![\p{L}’'])((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+),\s+$/u;

/** Appositive roles: "Ana Ruiz, the city’s water director," and "its security minister, Omar García". */
export function appositiveRoles(text: string, people: readonly PersonMention[], language: LanguageProfile = english): Map<string, string> {
  const roles = new Map<string, string>();
  for (const p of people) {
    // Cheap comma checks first: the appositive regexes are the costly part of reading a sentence.
    const after = text.charAt(p.end) === ',' ? APPOSITIVE_AFTER_RE.exec(text.slice(p.end, p.end + 80)) : null;
    const afterRole = after ? roleIn(after[1]!, language.speech.roleWords) : undefined;
    if (afterRole) roles.set(p.key, afterRole);
    const before = /,\s+$/.test(text.slice(Math.max(0, p.start - 3), p.start))
      ? APPOSITIVE_BEFORE_RE.exec(text.slice(Math.max(0, p.start - 60), p.start))
      : null;
    const beforeRole = before ? roleIn(before[1]!, language.speech.roleWords) : undefined;
    if (beforeRole && !roles.has(p.key)) roles.set(p.key, beforeRole);
    if (p.role && !roles.has(p.key)) roles.set(p.key, p.role);
  }
  return roles;
}

/** The role phrase ending at its role word ("security minister" from "security minister said"). */
function roleIn(phrase: string, offices: ReadonlySet<string>): string | undefined {
  const words = phrase.split(/\s+/);
  const at = words.findIndex((w) => offices.has(w));
  if (at < 0) return undefined;
  return words.slice(Math.max(0, at - 2), at + 1).filter((w) => !['the', 'a', 'an', 'and', 'its', 'his', 'her', 'their'].includes(w)).join(' ');
}

/** Capitalized words inside a sentence (not its first word): names of people, places and organizations. */
export function properNouns(text: string, language: LanguageProfile = english): string[] {
  const { roleWords: offices, honorifics, notNameWords: notNames } = language.speech;
  const out: string[] = [];
  const re = /(?<=[\s(“"‘'—-])\p{Lu}[\p{L}’'\-]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].replace(/[’']s$/, '');
    if (!notNames.has(word.toLowerCase()) && !offices.has(word.toLowerCase()) && !honorifics.has(`${word}.`)) out.push(word);
  }
  return out;
}

export { findNumberMentions, findNumbers, findQuantities, type NumberMention } from './numbers.js';

/** Day and month names and relative days as one pattern, per language. */
const datesFor = perLanguage((language: LanguageProfile): RegExp => {
  if (language === english) return ENGLISH_DATE_RE;
  const words = [...language.facts.weekdays.map((w) => w[0]!), ...language.facts.months.map((m) => m[0]!)];
  const { before, after } = wordEdges(['ä']);
  return new RegExp(`${before}(${words.map(escapeRegExp).join('|')})${after}`, 'giu');
});

const ENGLISH_DATE_RE =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tomorrow)\b/gi;

/** Day and month names ("Wednesday", "March", "mercredi", "März"), lowercased: the dates news sentences carry. */
export function findDates(text: string, language: LanguageProfile = english): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(datesFor(language))) {
    const word = m[1]!;
    // "may" is a month only when capitalized mid-sentence.
    if (word.toLowerCase() === 'may' && word !== 'May') continue;
    out.push(word.toLowerCase());
  }
  return out;
}
