// Who says and does what, sentence by sentence: direct quotes with their speakers, the subject of each
// sentence, and pronouns and short names ("he", "Mr. Rubio") resolved to the person introduced earlier.
import { outsideQuotations } from './quotes.js';
import { appositiveRoles, findPeople, type PersonMention } from './entities.js';
import { english, type LanguageProfile } from './languages/index.js';
import { escapeRegExp, perLanguage, wordEdges } from './languages/patterns.js';

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

interface SpeechPatterns {
  nameBeforeVerb: RegExp;
  verbBeforeName: RegExp;
  clauseEnd: RegExp;
  pronounSpeech: RegExp;
  pronounAnywhere: RegExp;
  pronounSubject: RegExp;
  collective: RegExp | undefined;
  intro: RegExp | undefined;
  subjectPrefix: RegExp;
  /**
   * Whether only the words after the last comma before a name must make it the subject: English reads
   * all of them ("Former U.S. Secretary of State …"); elsewhere an apposition names the subject ("El
   * presidente del tribunal, el magistrado Luis Arenas, no aceptó…").
   */
  appositionSubject: boolean;
  /** A verb of speech with no named subject, where the pronoun is dropped ("«…», le reprochó."). */
  implicitSpeaker: RegExp | undefined;
  /** "X and Y" and "X, Y" between subject names, and a capitalized word joined by "and". */
  joiners: RegExp;
  joinedName: RegExp;
  pronounAnd: RegExp;
  pronounAndHead: RegExp;
  quote: RegExp;
  /** Pronoun → the gender it tells. */
  genderOf: ReadonlyMap<string, 'm' | 'f'>;
  /** A gendered honorific and the name after it ("Mr. Danz"); undefined where the language has none. */
  honorificName: RegExp | undefined;
}

/** A language's patterns for who speaks and acts, made once per language. */
const patternsFor = perLanguage((language: LanguageProfile): SpeechPatterns => {
  const speech = language.speech;
  // Speech and stance verbs: a subject doing these is the claim's source. The prepositions ("according
  // to", "selon") only ever come before the name.
  const verbs = [...speech.attributionVerbs.filter((v) => !speech.attributionPrepositions.includes(v)), ...speech.stanceVerbs];
  const alternation = verbs.map((v) => escapeRegExp(v).replaceAll(' ', '\\s+')).join('|');
  // Only verbs of saying invert: after "called", "praised" or "urged" the name is the object ("to be
  // called Ardent Tollberg").
  const saying = speech.attributionVerbs
    .filter((v) => !speech.attributionPrepositions.includes(v))
    .map((v) => escapeRegExp(v).replaceAll(' ', '\\s+'))
    .join('|');
  const prepositions = speech.attributionPrepositions.map((v) => escapeRegExp(v).replaceAll(' ', '\\s+')).join('|');
  const { before: b, after: a, flags } = wordEdges([...verbs, ...speech.attributionPrepositions, ...speech.pronouns.m, ...speech.pronouns.f]);
  const personal = [...speech.pronouns.m, ...speech.pronouns.f].join('|');
  const articles = speech.articles.map(escapeRegExp).join('|');
  const roles = [...speech.roleWords].map(escapeRegExp).join('|');
  const closers = speech.quotePairs.map(([, close]) => escapeRegExp(close)).join('');
  const and = escapeRegExp(speech.and);
  const inverted = language === english ? '\\s+' : '(?:\\s+|-(?:t-)?)';
  return {
    // Name-then-verb ("Mr. Rubio said", "Ana Ruiz, the director, said"), within the narrator's words.
    nameBeforeVerb: new RegExp(`^(?:,[^,]{1,60},|,)?\\s*(?:${alternation})${a}`, `i${flags}`),
    // Verb-then-name ("said Omar García Harfuch", "according to Ms. Voss", "dijo el alcalde Juan Pérez",
    // "zei kapitein Joost de Wit": where a role may stand without its article, it must be a role word).
    verbBeforeName: new RegExp(
      `${b}(?:${saying}|${prepositions})\\s+${language === english ? `(?:(?:${articles})\\s+[\\p{Ll} ]{0,40}\\s)?` : `(?:(?:${articles})\\s+[\\p{Ll} ]{0,40}\\s|(?:\\p{Ll}+\\s+){0,2}(?:${roles})\\s+)?`}(?:\\p{Lu}[\\p{L}.’']*\\s+){0,3}$`,
      'u',
    ),
    // What may follow an inverted attribution's name: the clause ends, or an apposition starts. Where the
    // verb comes first as a rule ("sagte Korte am Dienstag", "dijo Pérez a la prensa"), a lowercase word
    // may follow the name too; English "said Dorran would rest" names what was said about.
    clauseEnd: new RegExp(`^\\s*(?:[.,;:!?${closers})—–-]|$${language === english ? '' : '|\\p{Ll}'})`, language === english ? '' : 'u'),
    // "he said" / "said she.": the inverted form must close the clause, since "Mr. Haas said he hoped" names its speaker.
    pronounSpeech: new RegExp(`${b}(${personal})\\s+(?:${alternation})${a}|${b}(?:${alternation})${inverted}(${personal})\\s*[.,;]`, `i${flags}`),
    pronounAnywhere: new RegExp(`${b}(?:${personal})${a}`, `i${flags}`),
    pronounSubject: new RegExp(`^(${[...speech.pronouns.m, ...speech.pronouns.f, ...speech.pronouns.plural].join('|')})${a}`, `i${flags}`),
    collective: speech.collectiveSubject,
    intro: speech.subjectIntro,
    appositionSubject: language !== english,
    implicitSpeaker: speech.dropsPronouns
      ? new RegExp(`(?:^|[,;—–]\\s*)(?:\\p{Ll}{1,3}\\s+)?(?:${alternation})(?=\\s*(?:[.,;:!?]|$)|\\s+(?!(?:${articles})${a})\\p{Ll})`, 'iu')
      : undefined,
    // Words allowed before a subject name: titles, possessives, articles, "former", capitalized words.
    subjectPrefix: new RegExp(
      String.raw`^(?:(?:${[...speech.subjectPrefixes, ...(language === english ? [] : speech.honorifics.keys())].map(escapeRegExp).join('|')}|${[...speech.roleWords].map((w) => w.replace('.', '\\.')).join('|')}|[\p{Lu}][\p{L}.’'\-]*)\s+)*$`,
      'u',
    ),
    joiners: new RegExp(`\\s+${and}\\s+|\\s*,\\s*`, 'g'),
    joinedName: new RegExp(`[\\p{Lu}][\\p{L}.’'\\-]*\\s+${and}\\s+`, 'gu'),
    pronounAnd: new RegExp(`^(?:(?:${personal})\\s+${and}\\s+)$`, `i${flags}`),
    pronounAndHead: new RegExp(`^(?:${personal})\\s+${and}\\s+`, `i${flags}`),
    quote: new RegExp(speech.quotePairs.map(([open, close]) => `${escapeRegExp(open)}([^${escapeRegExp(close)}]*)(?:${escapeRegExp(close)}|$)`).join('|'), 'g'),
    genderOf: new Map([...speech.pronouns.m.map((p) => [p, 'm'] as const), ...speech.pronouns.f.map((p) => [p, 'f'] as const)]),
    honorificName: honorificNamePattern(language),
  };
});

/** Words a title may hold before its office word ("The health minister", "Students' union president"). */
const MAX_TITLE_WORDS = 6;

/**
 * "The health minister, Aurelio Danz, visited …", "Students' union president Maja Holt welcomed …": a
 * title ending in an office word right before the subject's name, set off by commas or not.
 */
function titleBeforeSubject(before: string, roleWords: ReadonlySet<string>): boolean {
  const words = before.replace(/,\s*$/, '').trim().split(/\s+/);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  return roleWords.has(words[words.length - 1]!.toLowerCase()) && words.every((w) => /^[\p{L}’'-]+$/u.test(w));
}

/** Characters of titles and names a subject may be preceded by ("Former U.S. Secretary of State …"). */
const SUBJECT_WINDOW = 120;

/**
 * Reads a document's sentences in order. `known` lets a summary lean on its source's people, so a
 * bare "Sheinbaum" in a summary is recognized and keyed like the article's "Claudia Sheinbaum".
 */
export function analyzePeople(
  sentences: readonly string[],
  known?: ReadonlyMap<string, PersonMention>,
  language: LanguageProfile = english,
): DocumentPeople {
  const patterns = patternsFor(language);
  const people = new Map<string, PersonMention>(known ?? []);
  // Honorifics anywhere in the document tell a person's gender before their first "he" or "she": "Mr.
  // Danz" three sentences on says the "he" after his introduction is him.
  const honorificGender = gendersByHonorific(sentences, patterns.honorificName, language);
  const out: SentenceActors[] = [];
  const found: DocumentPeople['mentions'] = [];
  /** People in the order they were last mentioned, most recent last: the candidates for "he" and "she". */
  const recent: string[] = [];
  let lastSpeaker: string | undefined;
  let lastPerson: string | undefined;
  /** The one person the previous sentence made speak, or else act: who "he" most likely is next. */
  let previousSubject: string | undefined;

  for (const text of sentences) {
    const narrator = outsideQuotations(text, language);
    const mentions = findPeople(narrator, people, language);
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
      const gender = patterns.genderOf.get(pronoun);
      if (person && !person.gender && gender) people.set(key, { ...person, gender });
    };

    const speakers = new Set<string>();
    for (const m of mentions) {
      // Attribution clauses are short: looking 80 characters around the name is enough and keeps the
      // end-anchored regex from rescanning a long sentence.
      // The inverted form ("…,” said Ms. Voss.") closes its clause: in "Pieter Vos, said Dorran would
      // rest", Dorran is what was said about, not who said it.
      const closesClause = patterns.clauseEnd.test(narrator.slice(m.end, m.end + 3));
      if (patterns.nameBeforeVerb.test(narrator.slice(m.end, m.end + 80)) || (closesClause && patterns.verbBeforeName.test(narrator.slice(Math.max(0, m.start - 80), m.start)))) {
        speakers.add(m.key);
      }
    }
    // "he said" / "said she": the speaker of the previous sentence first (news copy keeps the speaker
    // across a paragraph), then the last person of that gender.
    // The pronoun first: the speech-verb alternation is the costly part, and most sentences have no "he" or "she".
    const pronounSpeech = patterns.pronounAnywhere.test(narrator) ? patterns.pronounSpeech.exec(narrator) : null;
    if (pronounSpeech) {
      const pronoun = (pronounSpeech[1] ?? pronounSpeech[2])!.toLowerCase();
      const resolved = resolvePronoun(patterns.genderOf.get(pronoun), previousSubject ?? lastSpeaker, recent, genderOf);
      if (resolved) {
        speakers.add(resolved);
        learnGender(resolved, pronoun);
      }
    }

    // "«…», le reprochó." where the subject pronoun is dropped: the speaker is the one the paragraph is about.
    if (speakers.size === 0 && mentions.length === 0 && patterns.implicitSpeaker?.test(narrator)) {
      const resolved = resolvePronoun(undefined, lastSpeaker ?? lastPerson, recent, genderOf);
      if (resolved) speakers.add(resolved);
    }
    const actors = new Set<string>(speakers);
    const head = patterns.intro ? narrator.trimStart().replace(patterns.intro, '') : narrator.trimStart();
    const collective = patterns.collective?.test(head) ?? false;
    const pronounSubject = patterns.pronounSubject.exec(head);
    if (pronounSubject && patterns.genderOf.has(pronounSubject[1]!.toLowerCase())) {
      const pronoun = pronounSubject[1]!.toLowerCase();
      const resolved = resolvePronoun(patterns.genderOf.get(pronoun), previousSubject ?? lastSpeaker ?? lastPerson, recent, genderOf);
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
      const subjectWords = patterns.appositionSubject ? before.slice(before.lastIndexOf(',') + 1).trimStart() : before;
      const joined = subjectWords.replace(patterns.joiners, ' ');
      if (m.start >= offset && (patterns.subjectPrefix.test(joined.replace(patterns.joinedName, '')) || titleBeforeSubject(before, language.speech.roleWords))) actors.add(m.key);
      else if (m.start >= offset && patterns.pronounAnd.test(before)) actors.add(m.key);
    }
    if (patterns.pronounAndHead.test(head) && pronounSubject) {
      const pronoun = pronounSubject[1]!.toLowerCase();
      const resolved = resolvePronoun(patterns.genderOf.get(pronoun), previousSubject ?? lastSpeaker ?? lastPerson, recent, genderOf);
      if (resolved) actors.add(resolved);
    }

    const quotes: string[] = [];
    patterns.quote.lastIndex = 0;
    for (let q = patterns.quote.exec(text); q; q = patterns.quote.exec(text)) {
      const inner = (q.slice(1).find((group) => group !== undefined) ?? '').trim();
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

/**
 * The honorifics that tell a gender, before a name: English reads "Mr.", "Mrs." and "Ms."; other languages
 * their profile's gendered honorifics ("Herr", "Mme", "Sr.").
 */
function honorificNamePattern(language: LanguageProfile): RegExp | undefined {
  if (language === english) return HONORIFIC_NAME_RE;
  const gendered = [...language.speech.honorifics].filter(([, gender]) => gender !== undefined).map(([title]) => title);
  if (gendered.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${gendered.map(escapeRegExp).join('|')})\\s+((?:\\p{Lu}[\\p{L}’'-]+\\s+)*\\p{Lu}[\\p{L}’'-]+)`, 'gu');
}

/** Last-name key → gender, from every gendered honorific in the document. */
function gendersByHonorific(sentences: readonly string[], honorificName: RegExp | undefined, language: LanguageProfile): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  if (!honorificName) return out;
  const english_ = language === english;
  for (const text of sentences) {
    if (english_ && !text.includes('M')) continue;
    honorificName.lastIndex = 0;
    for (let m = honorificName.exec(text); m; m = honorificName.exec(text)) {
      const key = m[2]!.split(/\s+/).pop()!.replace(/[’']s$/, '').toLowerCase();
      const gender = english_ ? (m[1] === 'Mr' ? 'm' : 'f') : language.speech.honorifics.get(m[1]!);
      if (!out.has(key) && gender) out.set(key, gender);
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
  want: 'm' | 'f' | undefined,
  preferred: string | undefined,
  recent: readonly string[],
  genderOf: (key: string) => 'm' | 'f' | undefined,
): string | undefined {
  // A pronoun of no one gender (German "sie" is she and they) fits anyone nothing has told the gender of.
  const fits = (key: string) => (genderOf(key) ?? want) === want;
  if (preferred && fits(preferred)) return preferred;
  // The most recent person the pronoun can be: one of its gender, or one whose gender nothing has told.
  for (let i = recent.length - 1; i >= 0; i--) if (fits(recent[i]!)) return recent[i];
  return undefined;
}
