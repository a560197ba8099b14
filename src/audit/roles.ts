// Roles and titles: the office and the body a summary gives a person must be one the source gives them,
// by its own appositions and titles ("Its deputy director, Paulina Rusk"; "FlyNor spokeswoman Ines
// Kallum"). A deputy presented as the head, or a spokeswoman of one body as an official of another, is
// a contradiction the finding names with both titles.
import type { AuditFinding } from '../model.js';
import { NOT_NAME_WORDS, ROLE_WORDS, type PersonMention } from '../text/entities.js';
import { peopleIn, type PreparedSource } from './align.js';

/** Words that rank an office below or beside its holder's: dropping or adding one changes the title. */
const RANK_WORDS: ReadonlySet<string> = new Set(['deputy', 'vice', 'assistant', 'acting', 'interim', 'associate', 'junior']);

/** Role words too generic to contradict a title: "official" and "leader" fit any office holder. */
const GENERIC_ROLE_WORDS: ReadonlySet<string> = new Set(['head', 'leader', 'official', 'member', 'members', 'former', 'u.s.', 'chief', 'senior']);

/** Office words that name one office: "chairman" and "chair", "spokeswoman" and "spokesperson". */
const SAME_OFFICE: Readonly<Record<string, string>> = {
  chairman: 'chair', chairwoman: 'chair', chairperson: 'chair', spokesman: 'spokesperson', spokeswoman: 'spokesperson',
  councilman: 'councillor', councilwoman: 'councillor', councilor: 'councillor',
};

/** Honorifics are no part of a title. */
const HONORIFIC_RE = /^(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame)\.?$/;

/** Characters either side of a name searched for its title. */
const TITLE_REACH = 70;
/** Lowercase words that may sit between a body's name and the office ("Nasalis research director"). */
const MAX_QUALIFIERS = 2;

/** Longest apposition read as a title. */
const MAX_TITLE_WORDS = 7;
const CLAUSE_WORDS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'who', 'which', 'that', 'had', 'has', 'was', 'is', 'would', 'will']);

export interface Title {
  /** Office words, lowercased, in order ("deputy", "director"). */
  roles: string[];
  /** Capitalized words naming the body ("FlyNor", "Reswa"), possessive dropped. */
  bodies: string[];
  /** The words as written, for the finding. */
  text: string;
  /** Whether the title stands before the name or after it. */
  side: 'before' | 'after';
}

/** Titles read, by the text and the mention's place in it: the role and attribution checks both ask. */
const titleCache = new Map<string, Title[]>();
const REMEMBERED_TITLES = 5_000;

/** The title a sentence gives the person at `m`: appositive before or after, or the words before the name. */
export function titleOf(text: string, m: PersonMention): Title | undefined {
  return titlesOf(text, m)[0];
}

/** Every title a sentence gives the person at `m`, the one titleOf gives first. */
function titlesOf(text: string, m: PersonMention): Title[] {
  const key = `${m.start}:${m.end}:${text}`;
  let titles = titleCache.get(key);
  if (titles === undefined) {
    if (titleCache.size >= REMEMBERED_TITLES) titleCache.clear();
    titles = readTitles(text, m);
    titleCache.set(key, titles);
  }
  return titles;
}

function readTitles(text: string, m: PersonMention): Title[] {
  // Most names stand without a title: look for an office word near the name before reading phrases.
  if (!hasRoleWord(text.slice(Math.max(0, m.start - TITLE_REACH), m.start)) && !hasRoleWord(text.slice(m.end, m.end + TITLE_REACH))) return [];
  // "…medical director, Dr. Sina Quist": the honorific belongs to the name, not to the title.
  const before = text.slice(Math.max(0, m.start - TITLE_REACH), m.start).replace(/(?:Mr|Mrs|Ms|Mx|Dr)\.\s*$/, '');
  const names = new Set(m.name.toLowerCase().split(' '));
  const after = text.slice(m.end, m.end + TITLE_REACH);
  const phrases: [string, Title['side']][] = [];
  if (/^,\s/.test(after)) phrases.push([after.slice(1).split(/[,.;:—]/)[0]!, 'after']);
  if (/,\s*$/.test(before)) phrases.push([before.replace(/,\s*$/, '').split(/[,.;:—]/).pop()!, 'before']);
  const right = wordsRightBefore(before);
  phrases.push([right, 'before']);
  // "The committee's chair, Councillor Adaeze Oyewole": an apposition before the title right before the name.
  const rest = right ? before.slice(0, before.lastIndexOf(right)) : '';
  if (/,\s*$/.test(rest)) phrases.push([rest.replace(/,\s*$/, '').split(/[,.;:—]/).pop()!, 'before']);
  return phrases.flatMap(([phrase, side]) => titleIn(phrase, side, names) ?? []);
}

/** A short noun phrase read as a title: its office words and the bodies it names (none but `names`'s words). */
export function titleIn(phrase: string, side: Title['side'], names: ReadonlySet<string> = new Set()): Title | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  // An apposition is a short noun phrase; a longer stretch, or one with a verb of saying, is the clause.
  if (words.length > MAX_TITLE_WORDS || words.some((w) => CLAUSE_WORDS.has(w.toLowerCase()))) return undefined;
  const roles = words
    .map((w) => w.toLowerCase())
    .filter((w) => (ROLE_WORDS.has(w) || RANK_WORDS.has(w)) && !HONORIFIC_RE.test(w))
    .map((w) => SAME_OFFICE[w] ?? w);
  if (!roles.some((w) => ROLE_WORDS.has(w))) return undefined;
  const bodies = words
    .filter((w) => /^\p{Lu}/u.test(w) && !HONORIFIC_RE.test(w))
    .map((w) => w.replace(/[’']s$/, ''))
    .filter((w) => !ROLE_WORDS.has(w.toLowerCase()) && !NOT_NAME_WORDS.has(w.toLowerCase()) && !names.has(w.toLowerCase()));
  return { roles, bodies, text: phrase.trim(), side };
}

/** Any office word, as a whole word: one regex test instead of splitting the window into words. */
const ROLE_WORD_RE = new RegExp(String.raw`(?<![\p{L}-])(?:${[...ROLE_WORDS].map((w) => w.replace('.', '\\.')).join('|')})(?![\p{L}-])`, 'iu');

function hasRoleWord(window: string): boolean {
  return ROLE_WORD_RE.test(window);
}

/** "Skyport Graven spokeswoman" before "Ines Kallum": role words, names and a few qualifiers, walking back. */
function wordsRightBefore(before: string): string {
  const words = before.trimEnd().split(/\s+/);
  const kept: string[] = [];
  let qualifiers = 0;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (/[,.;:”"]$/.test(w) && !HONORIFIC_RE.test(w)) break;
    const lower = w.toLowerCase();
    // A title ends at the name: "Race director Kasia Mehl handed Ostrova" gives Ostrova none.
    if (kept.length === 0 && !ROLE_WORDS.has(lower) && !HONORIFIC_RE.test(w)) break;
    if (ROLE_WORDS.has(lower) || HONORIFIC_RE.test(w) || (/^\p{Lu}/u.test(w) && !NOT_NAME_WORDS.has(lower.replace(/[’']s$/, '')))) {
      qualifiers = 0;
    } else if (/^\p{Ll}+$/u.test(w) && !NOT_NAME_WORDS.has(lower) && ++qualifiers <= MAX_QUALIFIERS) {
      // a qualifier ("research", "foreign"): kept only if a role or name comes before it
    } else break;
    kept.unshift(w);
  }
  while (kept.length > 0 && /^\p{Ll}/u.test(kept[0]!) && !ROLE_WORDS.has(kept[0]!.toLowerCase())) kept.shift();
  return kept.join(' ');
}

/** Every title the source gives one person, by last-name key; read on first use for that person. */
export function sourceTitles(source: PreparedSource, key: string): Title[] {
  let byKey = titlesCache.get(source);
  if (!byKey) titlesCache.set(source, (byKey = new Map()));
  let titles = byKey.get(key);
  if (!titles) {
    titles = [];
    // The people the source's reading already found, in its narrator text (a title is never inside a quote).
    for (const { narrator, people } of source.people.mentions) {
      for (const m of people) {
        if (m.key !== key) continue;
        for (const t of [...titlesOf(narrator, m), titleNamedTo(narrator, m)]) if (t) titles.push(t);
      }
    }
    byKey.set(key, titles);
  }
  return titles;
}
const titlesCache = new WeakMap<PreparedSource, Map<string, Title[]>>();

/** Same word, allowing a demonym's ending: "Reswan" is Reswa's, "Talmori" is Talmor's. */
function sameBody(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const stemLength = Math.min(x.length, y.length, 5);
  return x === y || (stemLength >= 4 && x.slice(0, stemLength) === y.slice(0, stemLength));
}

function office(t: Title): string | undefined {
  return t.roles.filter((w) => !GENERIC_ROLE_WORDS.has(w) && !RANK_WORDS.has(w)).pop();
}

function ranks(t: Title): string {
  return t.roles.filter((w) => RANK_WORDS.has(w)).sort().join(' ');
}

/** Office words that never carry a rank of their own. */
const UNRANKED_ROLE_WORDS: ReadonlySet<string> = new Set(['former', 'member', 'members', 'official', 'u.s.']);

/**
 * "head of the national wildlife agency" for the source's "deputy head": the claim drops a rank every
 * title the source gives with that office word carries.
 */
function rankDropped(claim: Title, known: readonly Title[]): boolean {
  if (ranks(claim) !== '') return false;
  return claim.roles.some((w) => {
    if (UNRANKED_ROLE_WORDS.has(w) || RANK_WORDS.has(w)) return false;
    const same = known.filter((t) => t.roles.includes(w));
    return same.length > 0 && same.every((t) => ranks(t) !== '');
  });
}

/** Whether the claim's title is one of the source's: same office and rank, and a body the source names. */
export function titleMismatch(claim: Title, known: readonly Title[]): boolean {
  if (rankDropped(claim, known)) return true;
  const claimOffice = office(claim);
  // "Her deputy, Tomas Vik": a bare rank says whose deputy only by context, so any office fits it.
  const officeKnown =
    claimOffice === undefined || known.some((t) => t.roles.includes(claimOffice) || (office(t) === undefined && ranks(t) !== '' && ranks(t) === ranks(claim)));
  const rankKnown = claimOffice === undefined || known.some((t) => office(t) === claimOffice && ranks(t) === ranks(claim)) || !known.some((t) => office(t) === claimOffice);
  // A capital at the start of a sentence is no body's name: "Public works director" is the source's
  // "public works director", so a word either title writes in lowercase is a qualifier, not a body.
  const lowercaseIn = (titles: readonly Title[]) => new Set(titles.flatMap((t) => t.text.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w))));
  const knownQualifiers = lowercaseIn(known);
  const claimQualifiers = lowercaseIn([claim]);
  const claimBodies = claim.bodies.filter((b) => !knownQualifiers.has(b.toLowerCase()));
  const knownBodies = known.flatMap((t) => t.bodies).filter((b) => !claimQualifiers.has(b.toLowerCase()));
  const bodyKnown = claimBodies.length === 0 || knownBodies.length === 0 || claimBodies.some((b) => knownBodies.some((k) => sameBody(b, k)));
  return !officeKnown || !rankKnown || !bodyKnown;
}

/** "Sanna Hult has been named interim artistic director": a title a sentence says the person was given. */
const NAMED_TO_RE = /^\s+(?:has\s+been|have\s+been|had\s+been|was|were|is|will\s+be|would\s+be)\s+(?:named|appointed|elected|made|promoted\s+to|hired\s+as|chosen\s+as)\s+(?:as\s+)?((?:the\s+|its\s+|their\s+)?[^,.;:]{2,70})/i;

export function titleNamedTo(text: string, m: PersonMention): Title | undefined {
  const found = NAMED_TO_RE.exec(text.slice(m.end, m.end + TITLE_REACH + 40));
  return found ? titleIn(found[1]!.replace(/^(?:the|its|their)\s+/i, ''), 'after') : undefined;
}

/** A title the summary gives a person must be one the source gives them. */
export function checkRoles(text: string, source: PreparedSource, findings: AuditFinding[]): void {
  // The claim's titles first: most summary sentences give none, and then the source's are never read.
  const claimed = peopleIn(text, source).flatMap((m) => [titleOf(text, m), titleNamedTo(text, m)].flatMap((title) => (title ? [{ m, title }] : [])));
  for (const { m, title: claim } of claimed) {
    const known = sourceTitles(source, m.key);
    if (known.length === 0 || !titleMismatch(claim, known)) continue;
    const name = source.people.people.get(m.key)?.name ?? m.name;
    findings.push({ kind: 'role', detail: `the source calls ${name} “${known[0]!.text}”, not “${claim.text}”` });
    break;
  }
}
