// Numbers a sentence states, as values: digits in the language's format ("1,200.5" in English, "1.200,5"
// and "21 000" elsewhere), number words and scale words ("4,2 Mio.", "3,8 millones", "1.2 million").
import { english, type LanguageProfile } from './languages/index.js';
import { escapeRegExp, perLanguage, wordEdges } from './languages/patterns.js';

export interface NumberMention {
  value: number;
  start: number;
  end: number;
}

/**
 * Digits as the English write them ("1,000", "4.5") and as most of Europe does: a thousands dot or space
 * and a decimal comma ("21.000", "21 000", "3,8"). A space groups digits only before exactly three.
 */
const ENGLISH_DIGITS = String.raw`\d[\d,]*(?:\.\d+)?`;
const DECIMAL_COMMA_DIGITS = String.raw`(?<![\p{N}])(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?![\p{N}])(?:,\d+)?|\d+(?:,\d+)?)`;
const GROUPING_RE = /[.\u00a0\u202f ]/g;

interface NumberPatterns {
  number: RegExp;
  quantity: RegExp | undefined;
  scales: ReadonlyMap<string, number>;
}

/** Units whose change changes the fact ("three weeks" → "three months"), read in English copy. */
const ENGLISH_UNITS = [
  'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 'centurie', 'mile', 'acre', 'ton',
  'gram', 'kilogram', 'pound', 'percent', 'foot', 'feet', 'meter', 'kilometer', 'inch', 'inche', 'degree', 'dollar', 'cent',
];

const patternsFor = perLanguage((language: LanguageProfile): NumberPatterns => {
  const { countingWords, scales, decimalComma } = language.facts;
  const scaleWords = Object.keys(scales).sort((a, b) => b.length - a.length);
  const { before, after, flags } = wordEdges([...countingWords, ...scaleWords]);
  // "Quantities a sentence counts": digits and counting words. "one", "first", "second" and "half" are left
  // out of the English ones: too often they are not quantities ("one of the", "second thoughts").
  const source = decimalComma
    ? String.raw`(${DECIMAL_COMMA_DIGITS}|${before}(?:${countingWords.map(escapeRegExp).join('|')})${after})(?:[\s-]*(${scaleWords.map((w) => escapeRegExp(w).replaceAll(' ', '\\s+')).join('|')})\.?${after})?`
    : String.raw`(${ENGLISH_DIGITS}|${before}(?:${countingWords.join("|")})${after})(?:[\s-]*(${scaleWords.join("|")})${after})?`;
  const unicode = decimalComma || flags === 'u';
  return {
    number: new RegExp(source, unicode ? 'giu' : 'gi'),
    quantity: language === english ? new RegExp(String.raw`${source}[\s-]+(${ENGLISH_UNITS.join('|')})s?\b`, 'gi') : undefined,
    scales: new Map(Object.entries(scales).map(([word, value]) => [word.replace(/\s+/g, ' '), value])),
  };
});

function numberValue(digitsOrWord: string, scale: string | undefined, language: LanguageProfile): number {
  const { numberWords, decimalComma } = language.facts;
  const word = numberWords[digitsOrWord.toLowerCase()];
  const digits = decimalComma ? digitsOrWord.replace(GROUPING_RE, '').replace(',', '.') : digitsOrWord.replace(/,/g, '');
  const value = word ?? Number(digits);
  return value * (scale ? patternsFor(language).scales.get(scale.toLowerCase().replace(/\s+/g, ' ')) ?? 1 : 1);
}

/**
 * Numbers a sentence states, normalized to values so "30 percent" and "thirty percent", "$1.2 million" and
 * "1,200,000 dollars", or "4,2 Mio." and "4.200.000" compare equal. Years are numbers too: a changed year is
 * a changed fact.
 */
export function findNumbers(text: string, language: LanguageProfile = english): number[] {
  return findNumberMentions(text, language).map((m) => m.value);
}

/** Numbers with where they stand, so the words around each can say what it counts. */
export function findNumberMentions(text: string, language: LanguageProfile = english): NumberMention[] {
  const out: NumberMention[] = [];
  const re = patternsFor(language).number;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ value: numberValue(m[1]!, m[2], language), start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * "3 week"-style value-and-unit strings for numbers followed by a unit word ("three weeks", "12 percent").
 * English units only: elsewhere the number check compares the words around each number instead.
 */
export function findQuantities(text: string, language: LanguageProfile = english): string[] {
  const out: string[] = [];
  const re = patternsFor(language).quantity;
  if (!re) return out;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = m[3]!.toLowerCase().replace(/^feet$/, 'foot').replace(/^(centurie|inche)$/, (u) => u.slice(0, -1));
    out.push(`${numberValue(m[1]!, m[2], language)} ${unit}`);
  }
  return out;
}
