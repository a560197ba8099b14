// The one-article commands on articles in other languages, run as a user would: the language detected for
// plain text, summaries and audits read in it, --lang, and a mixed corpus clustered article by article.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const FOLDER = join(REPO, 'test/fixtures/languages');
const german = join(FOLDER, 'de-faehre.txt');

/** A sentence cut at an ordinal, an abbreviation or a number: what the English rules made of German. */
const CUT_RE = /(?:\b\d{1,2}|Mio|ca|z\. B|Dr)\.$/;

describe('commands on articles in other languages', () => {
  const work = tempDir('newsdesk-languages-');

  it('extract --json gives the language of a plain-text file, and the publisher its footer names', () => {
    const result = runCli(['extract', german, '--json'], work);
    expect(result.status, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(page).toMatchObject({ lang: 'de', title: 'Neue Fähre für Lindenau', site_name: 'Lindenauer Bote' });
    expect(page['text']).not.toContain('erschien zuerst');
  });

  it('summarize reads a German article by German rules, and by English ones when told so', () => {
    const read = (args: string[]) => {
      const result = runCli(['summarize', german, '--json', ...args], work);
      expect(result.status, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as { sentences: Array<{ text: string }> };
      return out.sentences.map((s) => s.text);
    };
    const ours = read([]);
    expect(ours.length).toBeGreaterThan(1);
    for (const sentence of ours) expect(sentence).not.toMatch(CUT_RE);
    expect(read(['--lang', 'en']).some((s) => CUT_RE.test(s))).toBe(true);
  });

  it('refuses a --lang it has no rules for, saying which it has', () => {
    const result = runCli(['summarize', german, '--lang', 'xx'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lang must be one of en, de, fr, es, it, pt, nl');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('audit reads a German summary in German: numbers, dates, negation and speakers', () => {
    const summary = join(work, 'zusammenfassung.txt');
    writeFileSync(
      summary,
      'Die Kosten von rund 4,2 Mio. Euro trägt zum größten Teil das Land. Der Gemeinderat stimmte am 15. März für das Projekt. ' +
        'Die alte Fähre ist nach Angaben der Wasserbehörde sicher. „Wir haben lange gewartet“, sagte Jens Korte.',
    );
    const result = runCli(['audit', '--source', german, '--summary', summary, '--json'], work);
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { sentences: Array<{ verdict: string; findings: Array<{ kind: string }> }> };
    expect(report.sentences.map((s) => s.verdict)).toEqual(['supported', 'contradicted', 'contradicted', 'misattributed']);
    expect(report.sentences[1]!.findings.map((f) => f.kind)).toContain('date');
    expect(report.sentences[2]!.findings.map((f) => f.kind)).toContain('negation');
  });

  it('cluster keeps articles about different events in different languages apart', () => {
    const result = runCli(['cluster', FOLDER, '--json'], work);
    expect(result.status, result.stderr).toBe(0);
    const { stories } = JSON.parse(result.stdout) as { stories: unknown[] };
    expect(stories).toHaveLength(7);
  });
});
