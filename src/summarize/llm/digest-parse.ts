// Reading a story digest's answer: the same tolerance as an article summary's (parse.ts), with citations that
// name an article by its letter and a sentence by its number, as the prompt shows them: [A2], [A2, B1], [B3-4].
import { parseCited, type CitationStyle, type CitedDraft } from './parse.js';

/** What one digest sentence cites: an article (0-based: A is 0) and, when given, one of its sentences (0-based). */
export interface DigestCite {
  article: number;
  sentence?: number;
}

export type DigestDraft = CitedDraft<DigestCite>;

/** Letters the prompt gives articles: A for the first. */
export const ARTICLE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The letter of the article at 0-based `index`. */
export function articleLetter(index: number): string {
  return ARTICLE_LETTERS[index] ?? '?';
}

/** A range of sentences cited at once ("A2-9") is read up to this many: a longer one cites nothing in particular. */
const MAX_RANGE = 10;

/** `A2`, `A2-4`, `A2–A4`, or a bare `B` (the article without a sentence), as written (sentences 1-based). */
const LETTERED_ID = /\b([A-Z])\s?(\d+)?(?:\s*[–-]\s*\1?\s?(\d+))?\b/g;

const LETTERED: CitationStyle<DigestCite> = {
  // In prose, only ids with a sentence number count: a bare capital in brackets is too often something else.
  prose: /\s*[[(]([A-Z]\s?\d+(?:\s*(?:[,;–-]|and)\s*[A-Z]?\s?\d+)*)[\])]/g,
  read: lettered,
};

function lettered(value: unknown): DigestCite[] {
  if (Array.isArray(value)) return value.flatMap((v) => lettered(v));
  if (value && typeof value === 'object') {
    // {"article": "A", "sentence": 2}, as some models restructure the ids.
    const { article, sentence } = value as { article?: unknown; sentence?: unknown };
    return typeof article === 'string' ? lettered(`${article}${typeof sentence === 'number' || typeof sentence === 'string' ? sentence : ''}`) : [];
  }
  if (typeof value !== 'string') return [];
  const cites: DigestCite[] = [];
  for (const m of value.matchAll(LETTERED_ID)) {
    const article = ARTICLE_LETTERS.indexOf(m[1]!);
    if (m[2] === undefined) {
      cites.push({ article });
      continue;
    }
    const from = Number(m[2]);
    const to = m[3] ? Number(m[3]) : from;
    for (let n = from; n <= Math.min(to, from + MAX_RANGE); n++) cites.push({ article, sentence: n });
  }
  return cites;
}

/**
 * The sentences of a digest answer. `shown[i]` is how many sentences of article i the prompt numbered:
 * citations outside them are dropped, and sentence numbers become 0-based indexes into the article.
 */
export function parseDigestDrafts(answer: string, shown: readonly number[], lang?: string): DigestDraft[] {
  return parseCited(answer, LETTERED, lang).map((draft) => {
    const seen = new Set<string>();
    const cites: DigestCite[] = [];
    for (const cite of draft.cites) {
      const count = shown[cite.article];
      if (count === undefined) continue;
      const sentence = cite.sentence === undefined ? undefined : cite.sentence - 1;
      if (sentence !== undefined && (sentence < 0 || sentence >= count)) continue;
      const key = `${cite.article}:${sentence ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cites.push(sentence === undefined ? { article: cite.article } : { article: cite.article, sentence });
    }
    return { ...draft, cites };
  });
}
