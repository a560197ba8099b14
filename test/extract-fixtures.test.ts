// Walks every original fixture page in test/fixtures/extract/<case>/ and checks the extraction against
// the case's expected.json: what the case checks (stated), body paragraphs exactly, text that must be
// gone, and each metadata field the case states. Pages are read as bytes and decoded as the CLI does, so charset cases count too.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractArticle } from '../src/extract/index.js';

const ROOT = new URL('./fixtures/extract/', import.meta.url);

interface Expected {
  /** What the case is about, in a sentence or two: a fixture that cannot say what it checks checks nothing in particular. */
  checks: string;
  paragraphs: string[];
  absent?: string[];
  markdown_contains?: string[];
  /** Parts of the body HTML, e.g. links made absolute against the page URL. */
  html_contains?: string[];
  warnings_contain?: string[];
  title?: string;
  byline?: string[];
  published?: string;
  modified?: string;
  site_name?: string;
  lang?: string;
  section?: string;
  description?: string;
  image?: string;
  canonical_url?: string;
}

const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('extract fixtures', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, ROOT), 'utf8')) as Expected;
    const { html } = decodeHtml(readFileSync(new URL(`${name}/page.html`, ROOT)));
    const page = extractArticle(html, 'https://fixtures.example/page.html');

    it('states what it checks', () => {
      expect(typeof expected.checks === 'string' && expected.checks.trim().length >= 20, `${name}/expected.json needs a "checks" sentence`).toBe(true);
    });

    it('extracts exactly the body paragraphs', () => {
      expect(page.text === '' ? [] : page.text.split('\n\n')).toEqual(expected.paragraphs);
    });

    it('drops the boilerplate', () => {
      // A case that names no boilerplate would pass whatever the extractor kept: that is an error of the case.
      expect(expected.absent ?? [], `${name}/expected.json states no "absent" text`).not.toHaveLength(0);
      for (const text of expected.absent ?? []) expect(page.text).not.toContain(text);
      for (const text of expected.absent ?? []) expect(page.html).not.toContain(text);
    });

    it('reads the stated metadata', () => {
      const actual = {
        title: page.title, byline: page.byline, published: page.published, modified: page.modified, site_name: page.siteName,
        lang: page.lang, section: page.section, description: page.description, image: page.image, canonical_url: page.canonicalUrl,
      };
      const stated = [...Object.keys(actual), 'markdown_contains', 'html_contains', 'warnings_contain'].filter((key) => {
        const want = expected[key as keyof Expected];
        return want !== undefined && !(Array.isArray(want) && want.length === 0);
      });
      expect(stated, `${name}/expected.json states no metadata to check`).not.toHaveLength(0);
      for (const [key, value] of Object.entries(actual)) {
        const want = expected[key as keyof Expected];
        if (want !== undefined) expect({ [key]: value }).toEqual({ [key]: want });
      }
      for (const part of expected.markdown_contains ?? []) expect(page.markdown).toContain(part);
      for (const part of expected.html_contains ?? []) expect(page.html).toContain(part);
      for (const warning of expected.warnings_contain ?? []) expect(page.warnings).toContain(warning);
    });
  });
});
