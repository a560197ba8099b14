// Scores shared by the extract eval: bag-of-tokens precision/recall/F1 and metadata exact matches.
import { comparableText, parseByline, toUtcIso } from '../src/extract/index.js';

const TOKEN = /[\p{L}\p{N}]+/gu;

export interface TokenScore {
  precision: number;
  recall: number;
  f1: number;
}

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of text.toLowerCase().match(TOKEN) ?? []) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

/** Multiset token overlap, the measure extraction benchmarks use; an empty pair counts as perfect. */
export function tokenScore(predicted: string, expected: string): TokenScore {
  const p = counts(predicted);
  const e = counts(expected);
  let overlap = 0;
  let pTotal = 0;
  let eTotal = 0;
  for (const [token, n] of p) {
    pTotal += n;
    overlap += Math.min(n, e.get(token) ?? 0);
  }
  for (const n of e.values()) eTotal += n;
  if (pTotal === 0 && eTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = pTotal ? overlap / pTotal : 0;
  const recall = eTotal ? overlap / eTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Metadata fields compared; a missing value on both sides is a match (the page does not say). */
export interface MetadataValues {
  title: string;
  byline: string[];
  lang: string;
  siteName: string;
  published: string;
}

export const METADATA_FIELDS = ['title', 'byline', 'lang', 'siteName', 'published'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** Normalizes raw values the same way for ours, the baseline and the expected file. */
export function metadataValues(raw: { title?: string | null; byline?: string | string[] | null; lang?: string | null; siteName?: string | null; published?: string | null }): MetadataValues {
  const byline = Array.isArray(raw.byline) ? raw.byline : parseByline(raw.byline ?? '');
  return {
    title: comparableText(raw.title ?? ''),
    byline: byline.map((name) => comparableText(name)),
    lang: (raw.lang ?? '').trim().toLowerCase(),
    siteName: comparableText(raw.siteName ?? ''),
    published: toUtcIso(raw.published ?? '') ?? '',
  };
}

export function fieldMatches(a: MetadataValues, b: MetadataValues, field: MetadataField): boolean {
  const x = a[field];
  const y = b[field];
  return Array.isArray(x) && Array.isArray(y) ? x.join('|') === y.join('|') : x === y;
}
