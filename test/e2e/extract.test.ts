// `newsdesk extract` on original fixture pages, run as a user would: JSON shape, body formats, exit codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const fixture = (name: string): string => join(REPO, 'test/fixtures/extract', name, 'page.html');

describe('newsdesk extract', () => {
  const work = tempDir('newsdesk-extract-');

  it('prints every field of the JSON shape', () => {
    const result = runCli(['extract', fixture('dates-and-canonical'), '--json'], work);
    expect(result.status, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(page)).toEqual(['url', 'canonical_url', 'title', 'byline', 'published', 'modified', 'publisher', 'site_name', 'lang', 'description', 'image', 'section', 'text', 'html', 'word_count', 'warnings']);
    expect(page).toMatchObject({
      url: 'https://www.brackwaterecho.example/transport/electric-ferry',
      publisher: 'brackwaterecho',
      site_name: 'Brackwater Echo',
      published: '2026-03-04T08:30:00.000Z',
      section: 'Transport',
    });
    expect(page['word_count']).toBeGreaterThan(100);
    expect(page['html']).toMatch(/^<div[^>]*>.*<p>The Brackwater ferry board/s);
  });

  it('prints the body as markdown with --format markdown', () => {
    const result = runCli(['extract', fixture('subheads-lists-quotes'), '--format', 'markdown'], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('\n## What changes for drivers\n');
    expect(result.stdout).toContain('\n- Gasworks Road bridge: open both ways all day\n');
    expect(result.stdout).toContain('\n> We would rather close it properly once');
  });

  it('prints a Markdown document with --format markdown: headline, source link, body links', () => {
    const result = runCli(['extract', fixture('markdown-links'), '--format', 'markdown'], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith('# Orchard co-op opens cider press to members\n\n')).toBe(true);
    expect(result.stdout).toContain('\n<https://www.brackenfoldtimes.example/food/orchard-press>\n');
    expect(result.stdout).toContain('[Saltby](https://www.saltbyheritage.example/foundry)');
    const text = runCli(['extract', fixture('markdown-links')], work);
    expect(text.stdout).not.toContain('](');
    expect(text.stdout).not.toBe(result.stdout);
  });

  it('ends the demo aggregator page without its promoted stories', () => {
    const result = runCli(['extract', join(REPO, 'examples/demo/pages/dailybriefhub-greyhaven-mill-jobs.html'), '--format', 'markdown'], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/Promoted stories|kitchen gadget|savings account/);
    expect(result.stdout.trimEnd()).toMatch(/Greyhaven Community College\.$/);
  });

  it('extracts many pages with --jsonl: one line each with "file", an error line for a failure, exit 1', () => {
    const missing = join(work, 'missing.html');
    const inputs = [fixture('promoted-stories'), missing, fixture('no-article'), fixture('lead-in-header')];
    const result = runCli(['extract', ...inputs, '--jsonl'], work);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line['file'])).toEqual(inputs);
    expect(Object.keys(lines[0]!)[0]).toBe('file');
    expect(lines[0]).toMatchObject({ title: 'Tidewater council approves new sea wall' });
    expect(lines[0]).not.toHaveProperty('error');
    expect(lines[1]).toEqual({ file: missing, error: `${missing}: no such file; check the path` });
    expect(lines[2]).toMatchObject({ text: '', error: expect.stringContaining('no article body found') });
    expect(lines[3]).toMatchObject({ title: 'Night trains return to the Quarry Line' });
    expect(result.stderr).toMatch(/2 of 4 inputs failed/);
  });

  it('exits 0 with --jsonl when every page is extracted, and refuses many inputs without it', () => {
    expect(runCli(['extract', fixture('promoted-stories'), fixture('markdown-links'), '--jsonl'], work).status).toBe(0);
    const usage = runCli(['extract', fixture('promoted-stories'), fixture('markdown-links')], work);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--jsonl takes many/);
  });

  it('decodes a Latin-1 page', () => {
    const result = runCli(['extract', fixture('latin1-charset'), '--json'], work);
    expect((JSON.parse(result.stdout) as { title: string }).title).toBe('Café Traders Return to Corran Market');
  });

  it('exits 1 with the warning when the page has no article', () => {
    const result = runCli(['extract', fixture('no-article'), '--json'], work);
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { text: string }).text).toBe('');
    expect(result.stderr).toMatch(/no-article\/page\.html: .*no article body found/);
  });

  it('refuses an unknown format with usage (exit 2)', () => {
    const result = runCli(['extract', fixture('no-article'), '--format', 'pdf'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--format must be one of text, markdown, html/);
  });

  it('still extracts plain-text articles through ingest', () => {
    const path = join(work, 'brief.txt');
    writeFileSync(path, 'Harbour Lights Return\n\nThe harbour lights in Quillon were switched back on on Friday after a month of repairs to the sea wall, the port said.\n');
    const result = runCli(['extract', path, '--json'], work);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Harbour Lights Return', canonical_url: null });
  });
});
