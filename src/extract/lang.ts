// Language of a page that does not declare it, from its body text (franc-min: trigram profiles of
// the ~80 most spoken languages, small enough to load on demand).
import { createRequire } from 'node:module';

type Franc = typeof import('franc-min').franc;
let franc: Franc | undefined;
/**
 * Loaded on first use, synchronously (require of an ES module, Node ≥ 20.19): most pages declare
 * their language, and a one-page `newsdesk extract` should not pay ~20 ms to load trigram tables.
 */
const loadFranc = (): Franc => (franc ??= (createRequire(import.meta.url)('franc-min') as { franc: Franc }).franc);

/** Shorter bodies give unreliable trigram profiles; below this the language stays unknown. */
const MIN_DETECT_CHARS = 80;
/** Trigram statistics settle long before this; a cap keeps detection cheap on long pages. */
const MAX_DETECT_CHARS = 4000;

/** franc's ISO 639-3 codes → the ISO 639-1 codes pages use in `<html lang>`, where one exists. */
const ISO_639_1: Readonly<Record<string, string>> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it',
  tur: 'tr', pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl',
  srp: 'sr', yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs',
  run: 'rn', plt: 'mg', nya: 'ny', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru',
  ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi',
  mar: 'mr', npi: 'ne', cmn: 'zh', jpn: 'ja', kor: 'ko', ben: 'bn', tel: 'te', tam: 'ta', guj: 'gu',
  kan: 'kn', mal: 'ml', pan: 'pa', tha: 'th', ell: 'el', heb: 'he', amh: 'am', mya: 'my', khm: 'km',
  kat: 'ka', hye: 'hy', sin: 'si', ori: 'or',
};

/** ISO 639-1 code (or 639-3 when there is none) of `text`'s language; undefined when unsure. */
export function detectLanguage(text: string): string | undefined {
  if (text.length < MIN_DETECT_CHARS) return undefined;
  const code = loadFranc()(text.slice(0, MAX_DETECT_CHARS), { minLength: MIN_DETECT_CHARS });
  if (code === 'und') return undefined;
  return ISO_639_1[code] ?? code;
}
