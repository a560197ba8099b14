// Who says and does what, sentence by sentence: direct quotes with their speakers, the subject of each
// sentence, and pronouns and short names ("he", "Mr. Rubio") resolved to the person introduced earlier.
import { ATTRIBUTION_VERBS, outsideQuotations } from './quotes.js';
import { appositiveRoles, findPeople, ROLE_WORDS, type PersonMention } from './entities.js';

export interface SentenceActors {
  /** Last-name keys of the people the sentence makes speak or act (its subject and its attributions). */
  actors: string[];
  /** People an attribution verb names as the speaker ("…,” Mr. Rubio said"). */
  speakers: string[];
  /** A group subject that names nobody in particular: "Both leaders agreed", "The two men said". */
  collective: boolean;
  /** Every person mentioned anywhere in the sentence. */
  mentioned: string[];
  /** Direct quotations in the sentence, without their quote marks. */
  quotes: string[];
}

export interface DocumentPeople {
  /** Last-name key → first full mention ("rubio" → Marco Rubio). */
  people: Map<string, PersonMention>;
  /** Last-name key → role the text gives the person ("secretary of state"), first given; read on first use. */
  readonly roles: Map<string, string>;
  sentences: SentenceActors[];
  /** Each sentence's narrator text (quotations blanked) and the people found in it, for later readers. */
  mentions: { narrator: string; people: PersonMention[] }[];
}

/** Speech and stance verbs beyond the attribution list: a subject doing these is the claim's source. */
const STANCE_VERBS = [
  'agreed', 'agree', 'agrees', 'emphasized', 'stressed', 'highlighted', 'praised', 'criticized', 'promised',
  'pledged', 'vowed', 'claimed', 'denied', 'confirmed', 'urged', 'called', 'described', 'admitted', 'suggested',
  'proposed', 'predicted', 'conceded', 'mentioned', 'reported', 'disclosed', 'revealed', 'blamed', 'thanked',
];

const SPEECH_VERB_ALTERNATION = [...ATTRIBUTION_VERBS.filter((v) => v !== 'according to'), ...STANCE_VERBS].join('|');

/** Name-then-verb ("Mr. Rubio said", "Ana Ruiz, the director, said"), within the narrator's words. */
const NAME_BEFORE_VERB_RE = new RegExp(String.raw`^(?:,[^,]{1,60},|,)?\s*(?:${SPEECH_VERB_ALTERNATION})\b`, 'i');
/**
 * Verb-then-name ("said Omar García Harfuch", "according to Ms. Voss"). Only verbs of saying invert;
 * after "called", "praised" or "urged" the name is the object ("to be called Ardent Tollberg").
 */
const VERB_BEFORE_NAME_RE = new RegExp(
  String.raw`\b(?:${ATTRIBUTION_VERBS.filter((v) => v !== 'according to').join('|')}|according to)\s+(?:the\s+[\p{Ll} ]{0,40}\s)?(?:\p{Lu}[\p{L}.’']*\s+){0,3}$`,
  'u',
);

/** What may follow an inverted attribution's name: the clause ends, or an apposition starts. */
const CLAUSE_END_RE = /^\s*(?:[.,;:!?”")—–-]|$)/;

/** "he said" / "said she.": the inverted form must close the clause, since "Mr. Haas said he hoped" names its speaker. */
const PRONOUN_SPEECH_RE = new RegExp(
  String.raw`\b(he|she)\s+(?:${SPEECH_VERB_ALTERNATION})\b|\b(?:${SPEECH_VERB_ALTERNATION})\s+(he|she)\s*[.,;]`,
  'i',
);

/** A group subject at the start of a sentence. */
const COLLECTIVE_RE =
  /^(?:both|all)\s+(?:of\s+them|leaders|men|women|officials|sides|presidents|ministers|candidates|mayors|governments|parties|teams|the\s+\w+)?\b|^(?:the\s+)?(?:two|three)\s+(?:leaders|men|women|officials|sides|presidents|ministers|candidates|mayors)\b|^they\s+both\b/i;

/** Openers to skip before a subject: "On Wednesday,", "At the news conference in X,", "But", "And". */
const INTRO_RE = /^(?:(?:and|but|yet|so|also|meanwhile|later|earlier|still)\s*,?\s+)*(?:(?:on|at|in|during|after|before|later|earlier|speaking|asked|while|meanwhile|however)\b[^,]{0,80},\s+)?/i;

/** Words allowed before a subject name: titles, possessives, "the", "former", capitalized words. */
const SUBJECT_PREFIX_RE = new RegExp(
  String.raw`^(?:(?:the|former|then|acting|interim|of|${[...ROLE_WORDS].map((w) => w.replace('.', '\\.')).join('|')}|[\p{Lu}][\p{L}.’'\-]*)\s+)*$`,
  'u',
);

/** Words a title may hold before its office word ("The health minister", "Students' union president"). */
const MAX_TITLE_WORDS = 6;

/**
 * "The health minister, Aurelio Danz, visited …", "Students' union president Maja Holt welcomed …": a
 * title ending in an office word right before the subject's name, set off by commas or not.
 */
function titleBeforeSubject(before: string): boolean {
  const words = before.replace(/,\s*$/, '').trim().split(/\s+/);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  return ROLE_WORDS.has(words[words.length - 1]!.toLowerCase()) && words.every((w) => /^[\p{L}’'-]+$/u.test(w));
}

/** Characters of titles and names a subject may be preceded by ("Former U.S. Secretary of State …"). */
const SUBJECT_WINDOW = 120;

const PRONOUN_RE = /^(he|she|they)\b/i;
const PRONOUN_RE_ANYWHERE = /\b(?:he|she)\b/i;
const QUOTE_RE = /“([^”]*)(?:”|$)|"([^"]*)(?:"|$)/g;

/**
 * Reads a document's sentences in order. `known` lets a summary lean on its source's people, so a
 * bare "Sheinbaum" in a summary is recognized and keyed like the article's "Claudia Sheinbaum".
 */
export function analyzePeople(sentences: readonly string[], known?: ReadonlyMap<string, PersonMention>): DocumentPeople {
  const people = new Map<string, PersonMention>(known ?? []);
  // Honorifics anywhere in the document tell a person's gender before their first "he" or "she": "Mr.
  // Danz" three sentences on says the "he" after his introduction is him.
  const honorificGender = gendersByHonorific(sentences);
  const out: SentenceActors[] = [];
  const found: DocumentPeople['mentions'] = [];
  /** People in the order they were last mentioned, most recent last: the candidates for "he" and "she". */
  const recent: string[] = [];
  let lastSpeaker: string | undefined;
  let lastPerson: string | undefined;
  /** The one person the previous sentence made speak, or else act: who "he" most likely is next. */
  let previousSubject: string | undefined;

  for (const text of sentences) {
    const narrator = outsideQuotations(text);
    const mentions = findPeople(narrator, people);
    found.push({ narrator, people: mentions });
    for (const m of mentions) {
      const prior = people.get(m.key);
      if (!prior || (prior.name.split(' ').length < m.name.split(' ').length && !known?.has(m.key))) {
        people.set(m.key, prior?.gender && !m.gender ? { ...m, gender: prior.gender } : m);
      } else if (!prior.gender && m.gender) {
        people.set(m.key, { ...prior, gender: m.gender });
      }
    }
    const genderOf = (key: string) => people.get(key)?.gender ?? honorificGender.get(key);
    // A pronoun tells the gender of the person it was resolved to, when no honorific did: after "She did
    // not say" about Helga Norrøy, a later "He told reporters" is someone else.
    const learnGender = (key: string, pronoun: string) => {
      const person = people.get(key);
      if (person && !person.gender) people.set(key, { ...person, gender: pronoun === 'he' ? 'm' : 'f' });
    };

    const speakers = new Set<string>();
    for (const m of mentions) {
      // Attribution clauses are short: looking 80 characters around the name is enough and keeps the
      // end-anchored regex from rescanning a long sentence.
      // The inverted form ("…,” said Ms. Voss.") closes its clause: in "Pieter Vos, said Dorran would
      // rest", Dorran is what was said about, not who said it.
      const closesClause = CLAUSE_END_RE.test(narrator.slice(m.end, m.end + 3));
      if (NAME_BEFORE_VERB_RE.test(narrator.slice(m.end, m.end + 80)) || (closesClause && VERB_BEFORE_NAME_RE.test(narrator.slice(Math.max(0, m.start - 80), m.start)))) {
        speakers.add(m.key);
      }
    }
    // "he said" / "said she": the speaker of the previous sentence first (news copy keeps the speaker
    // across a paragraph), then the last person of that gender.
    // The pronoun first: the speech-verb alternation is the costly part, and most sentences have no "he" or "she".
    const pronounSpeech = PRONOUN_RE_ANYWHERE.test(narrator) ? PRONOUN_SPEECH_RE.exec(narrator) : null;
    if (pronounSpeech) {
      const pronoun = (pronounSpeech[1] ?? pronounSpeech[2])!.toLowerCase();
      const resolved = resolvePronoun(pronoun, previousSubject ?? lastSpeaker, recent, genderOf);
      if (resolved) {
        speakers.add(resolved);
        learnGender(resolved, pronoun);
      }
    }

    const actors = new Set<string>(speakers);
    const head = narrator.trimStart().replace(INTRO_RE, '');
    const collective = COLLECTIVE_RE.test(head);
    const pronounSubject = PRONOUN_RE.exec(head);
    if (pronounSubject && pronounSubject[1]!.toLowerCase() !== 'they') {
      const pronoun = pronounSubject[1]!.toLowerCase();
      const resolved = resolvePronoun(pronoun, previousSubject ?? lastSpeaker ?? lastPerson, recent, genderOf);
      if (resolved) {
        actors.add(resolved);
        learnGender(resolved, pronoun);
      }
    }
    const offset = narrator.length - head.length;
    // The subject: people named before the first lowercase word, joined by "and" ("Mr. Trump and Mr. Rubio say").
    for (const m of mentions) {
      // A subject comes early: past SUBJECT_WINDOW characters the name is an object or in a later clause.
      if (m.start - offset > SUBJECT_WINDOW) continue;
      const before = narrator.slice(offset, m.start);
      const joined = before.replace(/\s+and\s+|\s*,\s*/g, ' ');
      if (m.start >= offset && (SUBJECT_PREFIX_RE.test(joined.replace(/[\p{Lu}][\p{L}.’'\-]*\s+and\s+/gu, '')) || titleBeforeSubject(before))) actors.add(m.key);
      else if (m.start >= offset && /^(?:(?:he|she)\s+and\s+)$/i.test(before)) actors.add(m.key);
    }
    if (/^(?:he|she)\s+and\s+/i.test(head) && pronounSubject) {
      const pronoun = pronounSubject[1]!.toLowerCase();
      const resolved = resolvePronoun(pronoun, previousSubject ?? lastSpeaker ?? lastPerson, recent, genderOf);
      if (resolved) actors.add(resolved);
    }

    const quotes: string[] = [];
    QUOTE_RE.lastIndex = 0;
    for (let q = QUOTE_RE.exec(text); q; q = QUOTE_RE.exec(text)) {
      const inner = (q[1] ?? q[2] ?? '').trim();
      if (inner) quotes.push(inner);
    }
    // A sentence that is only a quotation continues its speaker from the sentence before.
    if (quotes.length > 0 && actors.size === 0 && narrator.replace(/[\s.,;:!?—–-]/g, '') === '' && lastSpeaker) {
      actors.add(lastSpeaker);
      speakers.add(lastSpeaker);
    }

    for (const m of mentions) {
      const at = recent.indexOf(m.key);
      if (at >= 0) recent.splice(at, 1);
      recent.push(m.key);
      lastPerson = m.key;
    }
    if (speakers.size > 0) lastSpeaker = [...speakers].pop();
    else if (actors.size === 1) lastSpeaker = [...actors][0];
    previousSubject = speakers.size === 1 ? [...speakers][0] : speakers.size === 0 && actors.size === 1 ? [...actors][0] : undefined;
    out.push({ actors: [...actors], speakers: [...speakers], collective, mentioned: [...new Set(mentions.map((m) => m.key))], quotes });
  }
  return new ReadPeople(people, out, found);
}

const HONORIFIC_NAME_RE = /\b(Mr|Mrs|Ms)\.\s+((?:\p{Lu}[\p{L}’'-]+\s+)*\p{Lu}[\p{L}’'-]+)/gu;

/** Last-name key → gender, from every "Mr."/"Mrs."/"Ms." in the document. */
function gendersByHonorific(sentences: readonly string[]): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  for (const text of sentences) {
    if (!text.includes('M')) continue;
    HONORIFIC_NAME_RE.lastIndex = 0;
    for (let m = HONORIFIC_NAME_RE.exec(text); m; m = HONORIFIC_NAME_RE.exec(text)) {
      const key = m[2]!.split(/\s+/).pop()!.replace(/[’']s$/, '').toLowerCase();
      if (!out.has(key)) out.set(key, m[1] === 'Mr' ? 'm' : 'f');
    }
  }
  return out;
}

/**
 * A document's people as read. Roles are read on first use: the auditor reads titles its own way
 * (audit/roles.ts), so most readers never ask for them. A class, so the getter lives on the prototype and
 * the object keeps a fast shape.
 */
class ReadPeople implements DocumentPeople {
  private rolesRead: Map<string, string> | undefined;
  constructor(
    readonly people: Map<string, PersonMention>,
    readonly sentences: SentenceActors[],
    readonly mentions: DocumentPeople['mentions'],
  ) {}

  get roles(): Map<string, string> {
    if (!this.rolesRead) {
      this.rolesRead = new Map();
      for (const { narrator, people } of this.mentions) {
        for (const [key, role] of appositiveRoles(narrator, people)) if (!this.rolesRead.has(key)) this.rolesRead.set(key, role);
      }
    }
    return this.rolesRead;
  }
}

/**
 * A pronoun's person: the preferred candidate (the current speaker or subject) when its gender does not
 * contradict the pronoun, else the most recently mentioned person whose gender does not.
 */
function resolvePronoun(
  pronoun: string,
  preferred: string | undefined,
  recent: readonly string[],
  genderOf: (key: string) => 'm' | 'f' | undefined,
): string | undefined {
  const want = pronoun === 'he' ? 'm' : 'f';
  const fits = (key: string) => (genderOf(key) ?? want) === want;
  if (preferred && fits(preferred)) return preferred;
  // The most recent person the pronoun can be: one of its gender, or one whose gender nothing has told.
  for (let i = recent.length - 1; i >= 0; i--) if (fits(recent[i]!)) return recent[i];
  return undefined;
}
