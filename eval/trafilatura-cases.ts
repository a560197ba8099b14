// The human-labelled pages of ../shared/data/trafilatura-eval/ (read at run time, never copied), their
// fixed tune/test split (eval/trafilatura-split.json) and trafilatura's snippet scoring.
//
// The split is decided by the URL alone, so it cannot drift with anything we change: a page is in the
// tune half when the first byte of SHA-256(url) is below 128, else in the test half. Rules are tuned
// on the tune half only; the test half is reported apart and never read while tuning.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sharedDataDir } from './shared-data.js';

export const TRAFILATURA_DIR = sharedDataDir('trafilatura-eval');
const SPLIT_FILE = fileURLToPath(new URL('../../eval/trafilatura-split.json', import.meta.url));

export type Half = 'tune' | 'test';

export interface SnippetCase {
  url: string;
  half: Half;
  /** The page as published: bytes, to be decoded as the CLI decodes a saved page. */
  bytes: Buffer;
  with: string[];
  without: string[];
}

interface SplitFile {
  rule: string;
  frozen: string;
  counts: Record<Half, number>;
  /** SHA-256 of the half's URLs, sorted and joined by "\n": the half as it was frozen. */
  digests: Record<Half, string>;
}

/** The committed rule in code: first byte of SHA-256 of the URL (UTF-8) below 128 → tune. */
export function halfOf(url: string): Half {
  return createHash('sha256').update(url, 'utf8').digest()[0]! < 128 ? 'tune' : 'test';
}

export const digestOf = (urls: readonly string[]): string => createHash('sha256').update([...urls].sort().join('\n'), 'utf8').digest('hex');

/** Every labelled page with its half, sorted by URL; [] when the data set is absent. Throws when the split drifted. */
export function loadSnippetCases(dir = TRAFILATURA_DIR): SnippetCase[] {
  const index = join(dir, 'evaldata.json');
  if (!existsSync(index)) return [];
  const data = JSON.parse(readFileSync(index, 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const cases = Object.keys(data)
    .sort()
    .map((url): SnippetCase => {
      const entry = data[url]!;
      return { url, half: halfOf(url), bytes: gunzipSync(readFileSync(join(dir, 'html', entry.file))), with: entry.with ?? [], without: entry.without ?? [] };
    });
  const split = JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as SplitFile;
  for (const half of ['tune', 'test'] as const) {
    const urls = cases.filter((c) => c.half === half).map((c) => c.url);
    if (urls.length !== split.counts[half] || digestOf(urls) !== split.digests[half]) {
      throw new Error(`eval: the ${half} half of ${dir} is not the one frozen in eval/trafilatura-split.json (${urls.length} pages, expected ${split.counts[half]})`);
    }
  }
  return cases;
}

export interface SnippetCounts {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  trueNegatives: number;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * trafilatura's scoring: whitespace collapsed on both sides; a `with` snippet found in the text is a
 * true positive, else a false negative; a `without` snippet found is a false positive, else a true negative.
 */
export function scoreSnippets(text: string, page: Pick<SnippetCase, 'with' | 'without'>): SnippetCounts {
  const haystack = collapse(text);
  const found = (snippet: string): boolean => haystack.includes(collapse(snippet));
  const hits = page.with.filter(found).length;
  const leaks = page.without.filter(found).length;
  return { truePositives: hits, falseNegatives: page.with.length - hits, falsePositives: leaks, trueNegatives: page.without.length - leaks };
}

export function addCounts(a: SnippetCounts, b: SnippetCounts): SnippetCounts {
  return {
    truePositives: a.truePositives + b.truePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
    falsePositives: a.falsePositives + b.falsePositives,
    trueNegatives: a.trueNegatives + b.trueNegatives,
  };
}

export const NO_COUNTS: SnippetCounts = { truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0 };

/** Precision, recall and F1 over all snippets of all pages, as trafilatura reports them. */
export function snippetScore(c: SnippetCounts): { precision: number; recall: number; f1: number; accuracy: number } {
  const precision = c.truePositives / Math.max(1, c.truePositives + c.falsePositives);
  const recall = c.truePositives / Math.max(1, c.truePositives + c.falseNegatives);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = (c.truePositives + c.trueNegatives) / Math.max(1, c.truePositives + c.falseNegatives + c.falsePositives + c.trueNegatives);
  return { precision, recall, f1, accuracy };
}
