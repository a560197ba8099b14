// Time expressions normalized to dates: "November 18", "18 November 2026", "Nov. 18" and "March 2027"
// become comparable month/day/year values, weekdays an index, and "next year" or "last week" an offset
// from the story's day, so a summary's "November 8" can be told apart from the source's "November 18"
// (or its "this year" from the source's "next year") as a changed date rather than a stray number. Other
// languages write the day first ("18. November", "18 novembre", "18 de noviembre de 2026") with their own
// month names; the relative times are read in English only.
import { english, type LanguageProfile } from './languages/index.js';
import { escapeRegExp, perLanguage } from './languages/patterns.js';

/** Month names, lowercase, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export interface DateMention {
  /** As written ("November 18"). */
  text: string;
  start: number;
  end: number;
  month?: number;
  day?: number;
  year?: number;
  /** 0 = Monday. */
  weekday?: number;
  /** A time counted from the story's own day: "next year" is { unit: 'year', offset: 1 }. */
  relative?: { unit: string; offset: number };
}

const MONTH_WORD = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
/** "November 18, 2026", "November 18", "18 November 2026", "November 2026", and weekdays. */
const DATE_RE = new RegExp(
  [
    String.raw`\b${MONTH_WORD}\s+${DAY}\b(?:,?\s+${YEAR}\b)?`,
    String.raw`\b${DAY}\s+${MONTH_WORD}(?:\s+${YEAR}\b)?`,
    String.raw`\b${MONTH_WORD}\s+${YEAR}\b`,
    String.raw`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
  ].join('|'),
  'g',
);

/** "this year", "next spring", "last week", "tomorrow": times counted from the day the story is told. */
const RELATIVE_RE = /\b(this|next|last|coming|previous)\s+(year|month|week|weekend|season|spring|summer|autumn|fall|winter)\b|\b(today|tomorrow|yesterday)\b/gi;
const RELATIVE_OFFSETS: Readonly<Record<string, number>> = { this: 0, coming: 1, next: 1, last: -1, previous: -1, today: 0, tomorrow: 1, yesterday: -1 };

function relativeMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  RELATIVE_RE.lastIndex = 0;
  for (let m = RELATIVE_RE.exec(text); m; m = RELATIVE_RE.exec(text)) {
    const word = (m[1] ?? m[3])!.toLowerCase();
    const unit = m[2] ? m[2].toLowerCase().replace('fall', 'autumn') : 'day';
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, relative: { unit, offset: RELATIVE_OFFSETS[word]! } });
  }
  return out;
}

function monthNumber(word: string): number {
  const lower = word.toLowerCase().replace('.', '');
  const full = MONTHS.indexOf(lower);
  return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[lower]!;
}

export function findDateMentions(text: string, language: LanguageProfile = english): DateMention[] {
  if (language !== english) return findLocalDates(text, language);
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const base = { text: m[0], start: m.index, end: m.index + m[0].length };
    const day = (s: string | undefined) => (s ? Number(s) : undefined);
    let mention: DateMention;
    if (m[1]) mention = { ...base, month: monthNumber(m[1]), day: day(m[2])!, ...(m[3] ? { year: Number(m[3]) } : {}) };
    else if (m[5]) mention = { ...base, month: monthNumber(m[5]), day: day(m[4])!, ...(m[6] ? { year: Number(m[6]) } : {}) };
    else if (m[7]) mention = { ...base, month: monthNumber(m[7]), year: Number(m[8]) };
    else mention = { ...base, weekday: WEEKDAYS.indexOf(m[9]!.toLowerCase()) };
    // "may" is a month only when capitalized, and a day number above 31 is not a day.
    if (mention.day !== undefined && (mention.day < 1 || mention.day > 31)) continue;
    out.push(mention);
  }
  if (!/\b(?:this|next|last|coming|previous|today|tomorrow|yesterday)\b/i.test(text)) return out;
  return [...out, ...relativeMentions(text)].sort((a, b) => a.start - b.start);
}

interface LocalDates {
  pattern: RegExp;
  /** Month spelling (lowercase, no period) → month number. */
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlyMap<string, number>;
}

/** A day's ordinal marks: "1.", "1er", "1.º", "1°", "1ª". */
const DAY_MARK = String.raw`(?:\.º|\.ª|er|º|°|ª|\.)?`;

const localDatesFor = perLanguage((language: LanguageProfile): LocalDates => {
  const { months, weekdays, dateJoiners } = language.facts;
  const monthNumbers = new Map(months.flatMap((spellings, i) => spellings.map((s) => [s, i + 1] as const)));
  const weekdayNumbers = new Map(weekdays.flatMap((spellings, i) => spellings.map((s) => [s, i] as const)));
  const byLength = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const month = `(${byLength(monthNumbers.keys())})\\.?`;
  const joiner = dateJoiners.length > 0 ? `(?:(?:${dateJoiners.map(escapeRegExp).join('|')})\\s+)?` : '';
  const edge = '(?![\\p{L}])';
  const pattern = new RegExp(
    [
      `(?<![\\p{L}\\p{N}])(\\d{1,2})${DAY_MARK}\\s*${joiner}${month}${edge}(?:,?\\s+${joiner}(\\d{4})(?!\\d))?`,
      `(?<![\\p{L}])${month}${edge}\\s+${joiner}(\\d{4})(?!\\d)`,
      `(?<![\\p{L}])(${byLength(weekdayNumbers.keys())})${edge}`,
    ].join('|'),
    'giu',
  );
  return { pattern, months: monthNumbers, weekdays: weekdayNumbers };
});

function findLocalDates(text: string, language: LanguageProfile): DateMention[] {
  const { pattern, months, weekdays } = localDatesFor(language);
  const out: DateMention[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const base = { text: m[0], start: m.index, end: m.index + m[0].length };
    const month = (word: string) => months.get(word.toLowerCase())!;
    let mention: DateMention;
    if (m[1]) mention = { ...base, day: Number(m[1]), month: month(m[2]!), ...(m[3] ? { year: Number(m[3]) } : {}) };
    else if (m[4]) mention = { ...base, month: month(m[4]), year: Number(m[5]) };
    else mention = { ...base, weekday: weekdays.get(m[6]!.toLowerCase())! };
    if (mention.day !== undefined && (mention.day < 1 || mention.day > 31)) continue;
    out.push(mention);
  }
  return out;
}

/** Whether two mentions can name the same day: every part both give agrees. */
export function sameDate(a: DateMention, b: DateMention): boolean {
  if (a.relative || b.relative) return !(a.relative && b.relative) || (a.relative.unit === b.relative.unit && a.relative.offset === b.relative.offset);
  for (const part of ['month', 'day', 'year', 'weekday'] as const) {
    if (a[part] !== undefined && b[part] !== undefined && a[part] !== b[part]) return false;
  }
  return true;
}

/** Whether two mentions are of the same kind (both give a day of a month, or both a weekday…), so they can conflict. */
export function comparable(a: DateMention, b: DateMention): boolean {
  if (a.relative || b.relative) return a.relative?.unit === b.relative?.unit;
  return (a.weekday !== undefined) === (b.weekday !== undefined) && (a.day !== undefined) === (b.day !== undefined);
}
