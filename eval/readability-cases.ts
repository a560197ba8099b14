// The Readability test pages under ../shared/data/readability/ (read at run time, never copied), and
// the plain @mozilla/readability baseline that eval and bench compare against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { sharedDataDir } from './shared-data.js';

export const READABILITY_DIR = sharedDataDir('readability');
/** The URL Readability's own test harness gives every page, so relative links resolve the same way. */
export const CASE_URL = 'http://fakehost/test/page.html';

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  dir?: string | null;
  lang?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  readerable?: boolean;
}

export interface ReadabilityCase {
  name: string;
  source: string;
  bytes: number;
  expectedHtml: string;
  expected: ExpectedMetadata;
}

/** Every case folder with all three files, sorted by name; [] when the data set is absent. */
export function loadCases(dir = READABILITY_DIR): ReadabilityCase[] {
  if (!existsSync(dir)) return [];
  const cases: ReadabilityCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    const files = ['source.html', 'expected.html', 'expected-metadata.json'].map((f) => join(folder, f));
    if (!files.every((f) => existsSync(f))) continue;
    const raw = readFileSync(files[0]!);
    cases.push({
      name,
      source: raw.toString('utf8'),
      bytes: raw.length,
      expectedHtml: readFileSync(files[1]!, 'utf8'),
      expected: JSON.parse(readFileSync(files[2]!, 'utf8')) as ExpectedMetadata,
    });
  }
  return cases;
}

export interface BaselineResult {
  title: string;
  byline: string;
  lang: string;
  siteName: string;
  publishedTime: string;
  content: string;
}

export type BaselineDom = 'jsdom' | 'linkedom';

/** Plain Readability as shipped (default options) on the given DOM. */
export async function baselineRunner(dom: BaselineDom): Promise<(html: string, url: string) => BaselineResult> {
  const parse =
    dom === 'jsdom'
      ? await import('jsdom').then(({ JSDOM, VirtualConsole }) => {
          // jsdom reports every stylesheet it cannot parse on the console; that is noise here.
          const virtualConsole = new VirtualConsole();
          return (html: string, url: string) => new JSDOM(html, { url, virtualConsole }).window.document;
        })
      : await import('linkedom').then(({ parseHTML }) => (html: string) => parseHTML(html).document);
  return (html, url) => {
    const result = new Readability(parse(html, url) as never).parse();
    return {
      title: result?.title ?? '',
      byline: result?.byline ?? '',
      lang: result?.lang ?? '',
      siteName: result?.siteName ?? '',
      publishedTime: result?.publishedTime ?? '',
      content: result?.content ?? '',
    };
  };
}
