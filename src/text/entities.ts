// Named entities, numbers and dates by capitalization rules and honorifics. Hand rules rather than an
// NLP library: the auditor runs on every summary sentence (target ≥ 500 sentences/s on one core), and a
// general tagger costs milliseconds per sentence while still missing the news-specific cues that matter
// here ("Mr. Rubio" is the "Marco Rubio" introduced earlier; "the security minister, Omar García Harfuch"
// gives a role).

/** Titles that make the following capitalized words a person, with the gender they imply if any. */
const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | undefined> = new Map([
  ['Mr.', 'm'], ['Mrs.', 'f'], ['Ms.', 'f'], ['Mx.', undefined], ['Dr.', undefined], ['Sir', 'm'], ['Dame', 'f'],
]);

/**
 * Office words that, written before a name, make it a person and say their role. Lowercase so both
 * "President Sheinbaum" and "the president" match after lowercasing.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'vice', 'secretary', 'minister', 'prime', 'mayor', 'governor', 'gov.', 'senator', 'sen.',
  'representative', 'rep.', 'judge', 'justice', 'chief', 'general', 'gen.', 'colonel', 'captain', 'commissioner',
  'director', 'chair', 'chairman', 'chairwoman', 'chairperson', 'councilor', 'councillor', 'councilwoman',
  'councilman', 'sheriff', 'superintendent', 'principal', 'professor', 'prof.', 'inspector', 'detective',
  'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'treasurer', 'ambassador', 'deputy', 'coach',
  'manager', 'founder', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'father',
  'reverend', 'rev.', 'lieutenant', 'sergeant', 'commander', 'admiral', 'premier', 'editor', 'executive',
  'ceo', 'head', 'leader', 'lawyer', 'attorney', 'auditor', 'clerk', 'marshal', 'warden', 'curator', 'dean',
  'owner', 'engineer', 'teacher', 'librarian', 'organizer', 'biologist', 'scientist', 'architect', 'keeper',
  'steward', 'planner', 'agent', 'nurse', 'member', 'members', 'advocate', 'supervisor', 'landlord', 'developer',
  'economist', 'analyst', 'researcher', 'historian', 'doctor', 'physician', 'pastor', 'rabbi', 'imam', 'farmer',
  'grower', 'fisherman', 'pilot', 'driver', 'resident', 'student', 'worker', 'president-elect', 'administrator',
  'prosecutor', 'hotelier', 'commuter', 'negotiator', 'glaciologist', 'astronomer', 'spokesperson', 'official',
]);

/** Words that make a capitalized sequence an organization or a place rather than a person. */
const NON_PERSON_WORDS: ReadonlySet<string> = new Set([
  'states', 'state', 'department', 'ministry', 'council', 'party', 'times', 'republic', 'city', 'county',
  'university', 'college', 'school', 'company', 'inc', 'corp', 'bank', 'group', 'agency', 'association',
  'union', 'committee', 'court', 'board', 'house', 'senate', 'police', 'street', 'river', 'lake', 'valley',
  'island', 'islands', 'bay', 'port', 'harbor', 'harbour', 'hospital', 'museum', 'library', 'church', 'airport',
  'station', 'office', 'authority', 'commission', 'institute', 'foundation', 'fund', 'club', 'league', 'news',
  'gazette', 'post', 'herald', 'journal', 'tribune', 'press', 'radio', 'network', 'market', 'square', 'park',
  'road', 'avenue', 'lane', 'terrace', 'crescent', 'boulevard', 'highway', 'quay', 'wharf', 'pier', 'estate', 'bridge', 'center', 'centre', 'district', 'province', 'region', 'nations', 'army', 'navy',
  'force', 'guard', 'service', 'services', 'cartel', 'organization', 'pentagon', 'congress', 'parliament',
  'assembly', 'government', 'administration', 'works', 'mills', 'motors', 'airlines', 'energy', 'labs',
  'industries', 'cooperative', 'co-op', 'festival', 'fair', 'day', 'week', 'cup', 'act', 'bill', 'plan',
  // Words organizations put in their names: companies, funds, clubs.
  'capital', 'securities', 'partners', 'holdings', 'savings', 'insurance', 'media', 'systems', 'logistics',
  'shipping', 'freight', 'construction', 'foods', 'rail', 'railway', 'railways', 'airline', 'pharma', 'technologies',
  'alliance', 'federation', 'society', 'playhouse', 'brewery', 'rovers', 'rangers', 'united', 'athletic', 'wanderers',
  'albion', 'fc', 'ltd', 'llc', 'plc',
  'clinic', 'health', 'medical', 'library', 'zoo', 'theater', 'theatre', 'stadium', 'mall', 'ridge', 'falls', 'hollow', 'creek', 'springs', 'heights', 'grove', 'hills', 'point', 'beach', 'township', 'village', 'town', 'harbor', 'cove', 'glen', 'mills', 'crossing', 'junction', 'america', 'americas', 'american', 'latin', 'africa', 'europe', 'asia', 'north', 'south', 'east', 'west', 'new', 'mount', 'fort', 'saint', 'st.', 'hall', 'tower', 'trust',
]);

/** Capitalized words that open sentences or name months and days, never a person by themselves. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'if', 'when', 'while', 'after', 'before', 'on', 'in', 'at', 'for', 'to',
  'of', 'by', 'with', 'from', 'as', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these',
  'those', 'there', 'here', 'both', 'all', 'some', 'many', 'most', 'several', 'one', 'two', 'three', 'no',
  'not', 'yes', 'also', 'still', 'yet', 'so', 'then', 'now', 'later', 'earlier', 'meanwhile', 'however',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'according', 'asked', 'said', 'his', 'her', 'their', 'our', 'my', 'your', 'what', 'who', 'why', 'how',
  'where', 'which', 'even', 'only', 'every', 'each', 'instead', 'under', 'over', 'despite', 'since', 'until',
  'about', 'among', 'during', 'without', 'within', 'because', 'although', 'though', 'last', 'next',
]);

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

/** Lowercase particles inside names ("Juan Ramón de la Fuente", "Ludwig van Beethoven"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'la', 'del', 'van', 'von', 'der', 'da', 'di', 'le', 'bin', 'al', 'dos', 'du']);

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
/** A run of capitalized words, read where a capital letter starts it (sticky: see nameSequences). */
const NAME_SEQUENCE_RE = new RegExp(
  String.raw`(?:(?:${CAP_WORD})(?:\s+(?:(?:de|la|del|van|von|der|da|di|le|bin|al|dos|du|of)\s+)*${CAP_WORD})*)`,
  'uy',
);
const CAPITAL_RE = /\p{Lu}/u;

/**
 * Every run of capitalized words, left to right: the matches a global NAME_SEQUENCE_RE would give, with
 * the next capital letter found by a character loop instead of the regex trying every position.
 */
function* nameSequences(text: string): Generator<RegExpExecArray> {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const capital = code < 128 ? code >= 65 && code <= 90 : CAPITAL_RE.test(String.fromCodePoint(text.codePointAt(i)!));
    if (!capital) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    NAME_SEQUENCE_RE.lastIndex = i;
    const m = NAME_SEQUENCE_RE.exec(text)!;
    yield m;
    i += Math.max(1, m[0].length);
  }
}

/**
 * People mentioned in `text`. `known` maps last names to people already introduced (the source
 * article's people when reading a summary), so a lone "Sheinbaum" counts as a person.
 */
export function findPeople(text: string, known?: ReadonlyMap<string, PersonMention>): PersonMention[] {
  const people: PersonMention[] = [];
  for (const m of nameSequences(text)) {
    let words = m[0].split(/\s+/);
    let offset = m.index;
    let gender: 'm' | 'f' | undefined;
    let honorific = false;
    const roleWords: string[] = [];
    // "Talmori Foreign Minister Helga Norrøy": a capitalized title inside the sequence, with its body
    // before it, ends where the name begins.
    const lastRole = words.slice(0, -1).findLastIndex((w, i) => i > 0 && ROLE_WORDS.has(w.toLowerCase()));
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
      if (HONORIFICS.has(first)) {
        gender = HONORIFICS.get(first);
        honorific = true;
      } else if (ROLE_WORDS.has(lower) || (roleWords.length > 0 && /^(?:of|state|foreign|interior|defense|finance|health)$/.test(lower))) {
        roleWords.push(lower);
      } else if (!NOT_NAME_WORDS.has(lower) && !/[’']s$/.test(first) && !/^(?:\p{Lu}\.)+$/u.test(first) && !/^\p{Lu}\p{Ll}+-\p{Ll}/u.test(first)) {
        break;
      }
      offset += first.length + (text.slice(offset + first.length).match(/^\s+/)?.[0].length ?? 0);
      words = words.slice(1);
    }
    // "Claudia Sheinbaum of Mexico": the name ends where "of" starts.
    const ofAt = words.indexOf('of');
    if (ofAt >= 0) words = words.slice(0, ofAt);
    while (words.length > 0 && NAME_PARTICLES.has(words[words.length - 1]!)) words = words.slice(0, -1);
    if (words.length === 0) continue;
    const name = words.join(' ').replace(/[’']s$/, '').replace(/\.$/, '');
    const parts = name.split(' ');
    const lastWord = parts[parts.length - 1]!;
    const lowerWords = parts.map((w) => w.toLowerCase());
    const key = lowerWords[lowerWords.length - 1]!;
    if (!lowerWords.every((w) => !NON_PERSON_WORDS.has(w) && !NOT_NAME_WORDS.has(w))) continue;
    // A full name, a name the reader already knows, or one word after a title or honorific.
    const isKnown = known?.has(key) === true && lowerWords.length === 1;
    const isFullName = lowerWords.length >= 2;
    if (!(isKnown || isFullName || honorific || roleWords.length > 0 || precededByRole(text, offset))) continue;
    if (!honorific && roleWords.length === 0 && (ORGANIZATION_NOUNS.has(lowerWords[0]!) || namedAsOrganization(text, offset) || namedAsPlace(text, offset))) continue;
    if (/^\p{Lu}\.?$/u.test(lastWord)) continue;
    // "PORTA NEVA —": a dateline in capitals is a place, not a person.
    if (!/\p{Ll}/u.test(name)) continue;
    const role = roleWords.length > 0 ? roleWords.join(' ') : precededByRole(text, offset);
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
function precededByRole(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 40), at);
  if (!/\s$/.test(before)) return undefined;
  // Split rather than an end-anchored regex, which would rescan the slice from every position.
  const words = before.toLowerCase().trimEnd().split(/\s+/);
  const last = words[words.length - 1];
  if (!last || !ROLE_WORDS.has(last)) return undefined;
  const previous = words[words.length - 2];
  return previous && /^[a-z]+$/.test(previous) ? `${previous} ${last}` : last;
}

const APPOSITIVE_AFTER_RE = /^,\s+(?:(?:the|a|an|its|his|her|their|[\p{L}]+[’']s)\s+)*((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+)/u;
const APPOSITIVE_BEFORE_RE = /(?<![\p{L}’'])((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+),\s+$/u;

/** Appositive roles: "Ana Ruiz, the city’s water director," and "its security minister, Omar García". */
export function appositiveRoles(text: string, people: readonly PersonMention[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const p of people) {
    // Cheap comma checks first: the appositive regexes are the costly part of reading a sentence.
    const after = text.charAt(p.end) === ',' ? APPOSITIVE_AFTER_RE.exec(text.slice(p.end, p.end + 80)) : null;
    const afterRole = after ? roleIn(after[1]!) : undefined;
    if (afterRole) roles.set(p.key, afterRole);
    const before = /,\s+$/.test(text.slice(Math.max(0, p.start - 3), p.start))
      ? APPOSITIVE_BEFORE_RE.exec(text.slice(Math.max(0, p.start - 60), p.start))
      : null;
    const beforeRole = before ? roleIn(before[1]!) : undefined;
    if (beforeRole && !roles.has(p.key)) roles.set(p.key, beforeRole);
    if (p.role && !roles.has(p.key)) roles.set(p.key, p.role);
  }
  return roles;
}

/** The role phrase ending at its role word ("security minister" from "security minister said"). */
function roleIn(phrase: string): string | undefined {
  const words = phrase.split(/\s+/);
  const at = words.findIndex((w) => ROLE_WORDS.has(w));
  if (at < 0) return undefined;
  return words.slice(Math.max(0, at - 2), at + 1).filter((w) => !['the', 'a', 'an', 'and', 'its', 'his', 'her', 'their'].includes(w)).join(' ');
}

/** Capitalized words inside a sentence (not its first word): names of people, places and organizations. */
export function properNouns(text: string): string[] {
  const out: string[] = [];
  const re = /(?<=[\s(“"‘'—-])\p{Lu}[\p{L}’'\-]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].replace(/[’']s$/, '');
    if (!NOT_NAME_WORDS.has(word.toLowerCase()) && !ROLE_WORDS.has(word.toLowerCase()) && !HONORIFICS.has(`${word}.`)) out.push(word);
  }
  return out;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, half: 0.5, third: 3, fourth: 4, fifth: 5, first: 1, second: 2,
};
const SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Numbers a sentence states, normalized to values so "30 percent" and "thirty percent", or "$1.2
 * million" and "1,200,000 dollars", compare equal. Years are numbers too: a changed year is a changed fact.
 */
export function findNumbers(text: string): number[] {
  return findNumberMentions(text).map((m) => m.value);
}

export interface NumberMention {
  value: number;
  start: number;
  end: number;
}

/** Numbers with where they stand, so the words around each can say what it counts. */
export function findNumberMentions(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) out.push({ value: numberValue(m[1]!, m[2]), start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Quantities a sentence counts: numbers in digits and in words. "one", "first", "second" and "half"
 * are left out: too often they are not quantities ("one of the", "second thoughts").
 */
const COUNTING_WORDS = Object.keys(NUMBER_WORDS).filter((w) => !['one', 'first', 'second', 'half', 'third', 'fourth', 'fifth'].includes(w));
const NUMBER_SOURCE = String.raw`(\d[\d,]*(?:\.\d+)?|\b(?:${COUNTING_WORDS.join('|')})\b)(?:[\s-]*(thousand|million|billion|trillion)\b)?`;
const NUMBER_RE = new RegExp(NUMBER_SOURCE, 'gi');

function numberValue(digitsOrWord: string, scale: string | undefined): number {
  const word = NUMBER_WORDS[digitsOrWord.toLowerCase()];
  const value = word ?? Number(digitsOrWord.replace(/,/g, ''));
  return value * (scale ? SCALE[scale.toLowerCase()]! : 1);
}

/** Units whose change changes the fact ("three weeks" → "three months"). */
const UNITS = [
  'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 'centurie', 'mile', 'acre', 'ton',
  'gram', 'kilogram', 'pound', 'percent', 'foot', 'feet', 'meter', 'kilometer', 'inch', 'inche', 'degree', 'dollar', 'cent',
];
const QUANTITY_RE = new RegExp(String.raw`${NUMBER_SOURCE}[\s-]+(${UNITS.join('|')})s?\b`, 'gi');

/** "3 week"-style value-and-unit strings for numbers followed by a unit word ("three weeks", "12 percent"). */
export function findQuantities(text: string): string[] {
  const out: string[] = [];
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(text); m; m = QUANTITY_RE.exec(text)) {
    const unit = m[3]!.toLowerCase().replace(/^feet$/, 'foot').replace(/^(centurie|inche)$/, (u) => u.slice(0, -1));
    out.push(`${numberValue(m[1]!, m[2])} ${unit}`);
  }
  return out;
}

const DATE_RE =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tomorrow)\b/gi;

/** Day and month names ("Wednesday", "March"), lowercased: the dates news sentences carry. */
export function findDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const word = m[1]!;
    // "may" is a month only when capitalized mid-sentence.
    if (word.toLowerCase() === 'may' && word !== 'May') continue;
    out.push(word.toLowerCase());
  }
  return out;
}
