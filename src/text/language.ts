// The language of an article that does not declare it. For the languages the desk reads most (English,
// German, French, Spanish, Italian, Portuguese, Dutch) the commonest function words decide at a glance;
// only when they do not is franc-min's trigram model asked (extract/lang.ts). Our own table because franc
// measured 1–2 ms per article here, as much as the rest of a run's work on it, and function words separate
// these seven languages reliably from a few dozen words.
import { detectLanguage } from '../extract/lang.js';

/** Words looked at: enough for function words to settle it, few enough to cost nothing. */
const SAMPLE_WORDS = 200;
/** The winner needs this many hits and this lead over the runner-up; else the trigram model decides. */
const MIN_HITS = 8;
const MIN_LEAD = 2;

/** Frequent words that are rare in the other six (shared ones like "a", "de", "en", "la" are left out). */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'was', 'that', 'for', 'with', 'on', 'said', 'it', 'by', 'at', 'from', 'have', 'has', 'which', 'were', 'this'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auf', 'den', 'ein', 'eine', 'dem', 'zu', 'auch', 'wird', 'sagte', 'für', 'von', 'im'],
  fr: ['le', 'les', 'des', 'et', 'est', 'une', 'dans', 'du', 'qui', 'pour', 'pas', 'au', 'sur', 'avec', 'il', 'ont', 'été', 'aux', 'ce', 'cette'],
  es: ['el', 'los', 'las', 'y', 'del', 'que', 'por', 'con', 'una', 'para', 'su', 'se', 'fue', 'como', 'más', 'pero', 'sus', 'ha', 'este', 'dijo'],
  it: ['il', 'di', 'che', 'della', 'delle', 'gli', 'per', 'con', 'una', 'del', 'sono', 'nel', 'alla', 'anche', 'è', 'ha', 'come', 'più', 'dei', 'questo'],
  pt: ['o', 'os', 'que', 'do', 'da', 'dos', 'das', 'para', 'com', 'uma', 'não', 'por', 'mais', 'foi', 'ao', 'como', 'na', 'no', 'seu', 'também'],
  nl: ['het', 'een', 'van', 'en', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'die', 'werd', 'ook', 'aan', 'bij', 'naar', 'er', 'wordt', 'zei'],
};

const LOOKUP: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) map.set(w, [...(map.get(w) ?? []), lang]);
  return map;
})();

/** ISO 639-1 code of `text`'s language; undefined when neither the function words nor the trigrams are sure. */
export function articleLanguage(text: string): string | undefined {
  const hits = new Map<string, number>();
  // Only the first words are read (lowering the case of the whole text cost a run as much as its dedupe).
  let seen = 0;
  for (const [word] of text.matchAll(/[\p{L}']+/gu)) {
    for (const lang of LOOKUP.get(word.toLowerCase()) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
    if (++seen >= SAMPLE_WORDS) break;
  }
  const [best, second] = [...hits].sort((a, b) => b[1] - a[1]);
  if (best && best[1] >= MIN_HITS && best[1] >= (second?.[1] ?? 0) * MIN_LEAD) return best[0];
  return detectLanguage(text);
}
