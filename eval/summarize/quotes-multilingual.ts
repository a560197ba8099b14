// An independent check, for every desk language, that a summary keeps each quotation with its speaker.
// Written from the definition, sharing no code or word list with the summarizer: it reads the summary
// sentences, where each stands in the article, and the hand-marked sentence starts.
//
// A summary sentence quoting three words or more keeps its speaker when it credits a named speaker itself
// (a verb of speech with a name or a role beside it: "sagte Wessel", "dijo el alcalde"), or when the
// summary sentences right before it are the article's sentences right before it and one of them names a
// person: the reader then knows who opened the quotation that this sentence carries on or answers.
import type { LanguageArticle } from '../text/corpus.js';

const MIN_QUOTED_WORDS = 3;
/** How many adjacent sentences back the speaker of a quotation may be named. */
const MAX_LOOK_BACK = 3;

/** Verbs and words of speech, per language, written for this check (not the summarizer's lists). */
const SPEECH: Readonly<Record<string, readonly string[]>> = {
  en: ['said', 'says', 'asked', 'told', 'according'],
  de: ['sagte', 'sagt', 'erklärte', 'betonte', 'meinte', 'fragte', 'laut', 'zufolge'],
  fr: ['dit', 'déclaré', 'déclare', 'explique', 'affirme', 'ajoute', 'raconte', 'lance', 'estime', 'assure', 'demande', 'résume', 'selon'],
  es: ['dijo', 'afirmó', 'explicó', 'aseguró', 'señaló', 'añadió', 'declaró', 'preguntó', 'según', 'resumió', 'recordó', 'reprochó'],
  it: ['detto', 'dichiarato', 'spiegato', 'chiesto', 'assicurato', 'racconta', 'riassunto', 'secondo', 'afferma', 'dice'],
  pt: ['disse', 'afirmou', 'explicou', 'garantiu', 'declarou', 'perguntou', 'resumiu', 'lembrou', 'segundo'],
  nl: ['zei', 'zegt', 'vroeg', 'verklaarde', 'vertelde', 'aldus', 'volgens', 'stelde', 'verzekerde'],
};

/** Subject pronouns: "sagte er", "a-t-elle déclaré" credit someone named elsewhere. */
const PRONOUNS: Readonly<Record<string, readonly string[]>> = {
  en: ['he', 'she', 'they'],
  de: ['er', 'sie'],
  fr: ['il', 'elle', 'ils', 'elles'],
  es: ['él', 'ella'],
  it: ['lui', 'lei'],
  pt: ['ele', 'ela'],
  nl: ['hij', 'zij', 'ze'],
};

/** Articles before a role named as the speaker ("dijo el alcalde"). */
const ARTICLES = ['the', 'a', 'an', 'der', 'die', 'das', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'o', 'a', 'os', 'as', 'de', 'het'];

/** Quotation marks per language, opening and closing; straight quotes do both everywhere. */
const MARKS: Readonly<Record<string, { open: string; close: string }>> = {
  en: { open: '“', close: '”' },
  de: { open: '„»‚', close: '“«‘' },
  fr: { open: '«“', close: '»”' },
  es: { open: '«“', close: '»”' },
  it: { open: '«“', close: '»”' },
  pt: { open: '“«', close: '”»' },
  nl: { open: '‘“„', close: '’”' },
};

/**
 * A quotation between marks, or running from the sentence start to a closing mark, or from an opening mark
 * to the end. A ’ before a letter or digit is an apostrophe ("l’article", "dall’11"), not a closing mark.
 */
const QUOTED: Readonly<Record<string, RegExp>> = Object.fromEntries(
  Object.entries(MARKS).map(([lang, { open, close }]) => {
    const closing = `(?:[${close.replace('’', '')}"]${close.includes('’') ? '|’(?![\\p{L}\\p{N}])' : ''})`;
    const inside = `(?:[^${open}${close}"]${close.includes('’') ? '|’(?=[\\p{L}\\p{N}])' : ''})*`;
    return [lang, new RegExp(`[${open}"](${inside})(?:${closing}|$)|^(${inside})${closing}`, 'gu')];
  }),
);

const QUOTE_START: Readonly<Record<string, RegExp>> = Object.fromEntries(Object.entries(MARKS).map(([lang, { open }]) => [lang, new RegExp(`[${open}"]`)]));

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CAPITALIZED_RE = /^\p{Lu}/u;

function quotations(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTED[lang]!)) {
    const inner = m[1] ?? m[2] ?? '';
    if ((inner.match(WORD_RE) ?? []).length >= MIN_QUOTED_WORDS) out.push(inner);
  }
  return out;
}

function narrator(text: string, lang: string): string {
  return text.replace(QUOTED[lang]!, ' ');
}

/** The sentence's own words credit a named person or a role with speaking, not a pronoun. */
function creditsSpeaker(text: string, lang: string): boolean {
  const words = narrator(text, lang).match(/[\p{L}\p{N}’']+/gu) ?? [];
  const speech = new Set(SPEECH[lang] ?? []);
  const verbAt = words.findIndex((w) => speech.has(w.toLowerCase()));
  // "Mme Claire Dubois a salué « une décision pour les familles »": the quotation inside a sentence about
  // the person named before it.
  if (verbAt < 0) {
    const quoteAt = text.search(QUOTE_START[lang]!);
    return quoteAt > 0 && namesPerson(text.slice(0, quoteAt), lang);
  }
  const previous = words[verbAt - 1]?.toLowerCase();
  const next = words[verbAt + 1]?.toLowerCase();
  const pronouns = PRONOUNS[lang] ?? [];
  if ((previous !== undefined && pronouns.includes(previous)) || (next !== undefined && pronouns.includes(next))) return false;
  if (next !== undefined && ARTICLES.includes(next)) return true;
  // "a passenger asked", "die Bürgermeisterin sagte": a role with its article before the verb.
  if (verbAt >= 2 && ARTICLES.includes(words[verbAt - 2]!.toLowerCase())) return true;
  // A capital near the verb, not the sentence's first word (capitalized by its place).
  for (let i = Math.max(1, verbAt - 4); i <= verbAt + 4 && i < words.length; i++) if (i !== verbAt && CAPITALIZED_RE.test(words[i]!)) return true;
  return false;
}

/** A person named anywhere outside the quotation, past the sentence's first word. */
function namesPerson(text: string, lang: string): boolean {
  const words = narrator(text, lang).match(/[\p{L}’'-]+/gu) ?? [];
  return words.slice(1).some((w) => CAPITALIZED_RE.test(w));
}

/** How many summary sentences quote someone without the summary saying who. */
export function quotesWithoutSpeaker(article: LanguageArticle, summary: readonly string[], spans: ReadonlyArray<[number, number] | undefined>): number {
  // Article sentence index of each summary sentence, by the hand-marked starts.
  const index = spans.map((span) => (span ? article.sentenceStarts.indexOf(span[0]) : -1));
  let missing = 0;
  summary.forEach((text, k) => {
    if (quotations(text, article.lang).length === 0 || creditsSpeaker(text, article.lang)) return;
    for (let back = 1; back <= MAX_LOOK_BACK && k - back >= 0; back++) {
      const adjacent = index[k - back]! >= 0 && index[k - back + 1]! === index[k - back]! + 1;
      if (!adjacent) break;
      if (namesPerson(summary[k - back]!, article.lang)) return;
    }
    missing += 1;
  });
  return missing;
}
