// The linkedom bundle `npm run build` writes (scripts/bundle-vendor.mjs) must behave like the package:
// same Readability result and same selector answers on every original fixture page, and DOM events
// still work where its constructor patch moved the listener map.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML as packageParseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const BUNDLE = join(REPO, 'dist/src/vendor/linkedom.js');
const FIXTURES = join(REPO, 'test/fixtures/extract');
const SELECTORS = ['p', 'h1,h2', 'H2, h3 ,li', 'div > p', 'a[href]', '[class*="share"]', 'article time[datetime]', 'img,picture,figure,video,audio,source'];

type ParseHtml = typeof packageParseHTML;
const { parseHTML: bundleParseHTML } = (await import(BUNDLE)) as { parseHTML: ParseHtml };
const pages = readdirSync(FIXTURES).map((name) => ({ name, html: readFileSync(join(FIXTURES, name, 'page.html'), 'utf8') }));

describe('the bundled linkedom', () => {
  it('is one file, not a re-export of the package', () => {
    const source = readFileSync(BUNDLE, 'utf8');
    expect(source).not.toMatch(/from\s*["']linkedom["']/);
    expect(source).toContain('compiledSelectors');
  });

  // The same result, or the same failure: plain Readability on plain linkedom throws on a page without a
  // <body> tag (newsdesk's parseDocument moves the page into a body first; see no-body-tag).
  const outcome = (parse: ParseHtml, html: string): unknown => {
    try {
      return new Readability(parse(html).document as never).parse();
    } catch (error) {
      return { threw: String(error) };
    }
  };
  it.each(pages)('gives Readability the same result as the package on $name', ({ html }) => {
    expect(outcome(bundleParseHTML, html)).toEqual(outcome(packageParseHTML, html));
  });

  it.each(pages)('answers selectors as the package does on $name', ({ html }) => {
    const ours = bundleParseHTML(html).document;
    const theirs = packageParseHTML(html).document;
    for (const selector of SELECTORS) {
      const outer = (document: typeof ours) => Array.from(document.querySelectorAll(selector) as ArrayLike<{ outerHTML: string }>, (e) => e.outerHTML);
      expect({ selector, found: outer(ours) }).toEqual({ selector, found: outer(theirs) });
    }
  });

  it('still dispatches, and stops dispatching, DOM events', () => {
    const { document, Event } = bundleParseHTML('<html><body><button>go</button></body></html>') as unknown as {
      document: { querySelector(s: string): { addEventListener(t: string, f: () => void): void; removeEventListener(t: string, f: () => void): void; dispatchEvent(e: unknown): boolean } };
      Event: new (type: string) => unknown;
    };
    const button = document.querySelector('button');
    let clicks = 0;
    const onClick = (): void => void clicks++;
    button.dispatchEvent(new Event('click'));
    button.removeEventListener('click', onClick);
    button.addEventListener('click', onClick);
    button.dispatchEvent(new Event('click'));
    button.removeEventListener('click', onClick);
    button.dispatchEvent(new Event('click'));
    expect(clicks).toBe(1);
  });
});
