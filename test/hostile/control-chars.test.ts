// Issue 20, item 3: control characters in titles (U+0001, U+0008, U+FFFE) must not make feed.xml or the
// OPML export not well-formed, and terminal escape sequences must never reach a terminal raw. Fixtures:
// test/fixtures/hostile/control-chars.xml (C0 controls, a non-character, CSI, OSC and C1 in titles and
// text) and escape-article.txt (escape sequences in a plain-text article's headline and body).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, checkTerminal, checkXml } from '../../eval/hostile/check.js';
import { terminalText } from '../../src/cli/terminal.js';
import { rssFeed } from '../../src/publish/feeds.js';
import { stripControls, xmlSafe } from '../../src/text/control.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const FEED = join(REPO, 'test/fixtures/hostile/control-chars.xml');
const ARTICLE = join(REPO, 'test/fixtures/hostile/escape-article.txt');

const terminalFindings = (label: string, result: { stdout: string; stderr: string }) => [
  ...checkTerminal(`${label} stdout`, result.stdout),
  ...checkTerminal(`${label} stderr`, result.stderr),
];

describe('control characters and terminal escapes from sources', () => {
  it('the fixture really holds them', () => {
    const feed = readFileSync(FEED, 'utf8');
    for (const c of ['\u0001', '\u0008', '\uFFFE', '\u001b[31m', '\u001b]0;', '\u009b']) expect(feed).toContain(c);
  });

  it('run, list and the published feeds: titles stripped, feed.xml well-formed, nothing raw on the terminal', () => {
    const cwd = tempDir();
    const run = runCli(['run', '--out', 'out', '--db', 'desk.db', FEED, ARTICLE], cwd);
    expect(run.status).toBe(0);
    expect(terminalFindings('run', run)).toEqual([]);
    const listed = JSON.parse(runCli(['list', '--json', '--db', 'desk.db'], cwd).stdout) as { candidates: Array<{ id: string; title: string }> };
    expect(listed.candidates.map((c) => c.title).sort()).toEqual(['Harbor wall repaired before the storms', 'Quay lights blink again', 'Red tide warning lifted']);
    expect(terminalFindings('list', runCli(['list', '--db', 'desk.db'], cwd))).toEqual([]);
    const mark = runCli(['mark', ...listed.candidates.map((c) => c.id), 'selected', '--db', 'desk.db', '--out', 'out'], cwd);
    expect(terminalFindings('mark', mark)).toEqual([]);
    expect(checkFolder(join(cwd, 'out'))).toEqual([]);
    expect(terminalFindings('rank', runCli(['rank', '--explain', '--db', 'desk.db'], cwd))).toEqual([]);
  });

  it('parse-feed and extract show escapes in text as visible characters, never raw', () => {
    const cwd = tempDir();
    const parsed = runCli(['parse-feed', FEED], cwd);
    expect(parsed.status).toBe(0);
    expect(terminalFindings('parse-feed', parsed)).toEqual([]);
    expect(parsed.stdout).toContain('Red tide warning lifted');
    const extracted = runCli(['extract', ARTICLE], cwd);
    expect(terminalFindings('extract', extracted)).toEqual([]);
    // The body keeps its text; the escape shows as \x1B instead of acting.
    expect(extracted.stdout).toContain('\\x1B]8;;https://evil.example/\\x07Click here');
    const json = JSON.parse(runCli(['parse-feed', '--json', FEED], cwd).stdout) as { title: string; items: Array<{ title: string }> };
    expect(json.title).toBe('Kelpie Cove Courier');
    expect(json.items.map((i) => i.title)).toEqual(['Harbor wall repaired before the storms', 'Red tide warning lifted']);
  });

  it('sources export --opml stays well-formed', () => {
    const exported = runCli(['sources', 'export', '--opml', '--title', 'Cove \u0001lists\uFFFF', FEED], tempDir());
    expect(exported.status).toBe(0);
    expect(checkXml('export.opml', exported.stdout)).toEqual([]);
    expect(exported.stdout).toContain('text="Kelpie Cove Courier"');
  });

  it('the XML writer strips what XML forbids even when a title reaches it unstripped', () => {
    // The item's title is its lead article's; its categories are the story's topics.
    const story = { number: 1, id: 's-1', label: 'x', publishers: ['Cove \u000BPost'], topics: ['tide \u0007tables'], summary: 'Tide \u001Ftables are out.', selected: true,
      articles: [{ id: 'a', title: 'Tide \u0001table\u0008 \uFFFE\uD800 out', url: 'https://cove.example/a', publisher: 'cove', publisherName: 'Cove', rank: 1, usage: 'selected' as const }] };
    const xml = rssFeed({ title: 'Desk \u0002', asOf: '2026-11-24T00:00:00.000Z', stories: [story] }, { title: 'Desk', siteUrl: 'http://localhost/' });
    expect(checkXml('feed.xml', xml)).toEqual([]);
    expect(xml).toContain('<title>Tide table  out</title>');
    expect(xml).toContain('<category>tide tables</category>');
  });

  it('helpers: terminalText shows controls, stripControls drops whole sequences, xmlSafe keeps tabs and newlines', () => {
    expect(terminalText('a\u001b[31mb\u009b\u0007\r\tc\n')).toBe('a\\x1B[31mb\\x9B\\x07\\x0D\tc\n');
    expect(stripControls('\u001b[1;31mBold\u001b[0m \u001b]0;title\u0007news\u001b\\ \u009b2J')).toBe('Bold news ');
    expect(xmlSafe('a\tb\nc\u0000d\uFFFEe\uDC00')).toBe('a\tb\ncde');
  });
});
