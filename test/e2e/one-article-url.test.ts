// `newsdesk extract`, `summarize` and `audit --source` on an http(s) URL served by a real loopback
// server: the page is fetched with the fetch stage's client, decoded by its Content-Type charset, takes
// the URL as its article URL and link base, and a loopback address is refused without --allow-private.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, REPO, runCliAsync, tempDir } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const fixturePath = (name: string): string => join(REPO, 'test/fixtures/one-article', name);
const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

let server: TestServer;
const userAgents: string[] = [];

beforeAll(async () => {
  server = await startServer({
    // windows-1252 bytes whose charset only the header declares: decoding must use the response's Content-Type.
    '/town/lantern-festival': (req, res) => {
      userAgents.push(String(req.headers['user-agent']));
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(iconv.encode(fixture('festival.html'), 'windows-1252'));
    },
    '/moved': (_req, res) => void res.writeHead(301, { location: '/town/lantern-festival' }).end(),
    '/town/pool.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(fixture('pool.txt')),
    '/gone': (_req, res) => void res.writeHead(410).end('gone'),
  });
});
afterAll(() => server.close());

describe('one-article commands on a URL', () => {
  const work = tempDir('newsdesk-one-url-');

  it('extract fetches an HTML page: title, text, the URL as article URL and base, charset from Content-Type', async () => {
    const url = server.url('/town/lantern-festival');
    const result = await runCliAsync(['extract', url, '--json', '--allow-private', '--user-agent', 'wrenhollow-test/1.0'], work);
    expect(result.status, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as { url: string; title: string; byline: string[]; text: string; image: string; warnings: string[]; site_name: string };
    expect(page.url).toBe(url);
    expect(page.title).toBe('Wrenhollow Moves Its Lantern Festival Indoors');
    expect(page.byline).toEqual(['Odile Farrant']);
    expect(page.site_name).toBe('Wrenhollow Lantern');
    expect(page.text).toMatch(/^The lantern festival that has filled Wrenhollow’s market square/);
    expect(page.text).toContain('free ticket from the town café on Mill Lane');
    expect(page.text).not.toContain('Home');
    expect(page.warnings.join(' ')).not.toMatch(/charset/);
    // The fetched URL is the base for the page's relative URLs.
    expect(page.image).toBe(server.url('/img/lanterns.jpg'));
    expect(userAgents).toContain('wrenhollow-test/1.0');
    // A throwaway in-memory store holds the fetch state: no database file appears.
    expect(listFiles(work)).toEqual([]);
    expect(existsSync(join(work, 'newsdesk.db'))).toBe(false);
  });

  it('extract follows a redirect and takes the final URL as the article URL', async () => {
    const result = await runCliAsync(['extract', server.url('/moved'), '--json', '--allow-private'], work);
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { url: string }).url).toBe(server.url('/town/lantern-festival'));
  });

  it('extract fetches a plain-text article through ingest', async () => {
    const url = server.url('/town/pool.txt');
    const result = await runCliAsync(['extract', url, '--json', '--allow-private'], work);
    expect(result.status, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as { url: string; title: string; text: string };
    expect(page.url).toBe(url);
    expect(page.title).toBe("Wrenhollow's Open-Air Pool Reopens After Two Dry Summers");
    expect(page.text).toMatch(/^The open-air swimming pool on Wrenhollow Common reopened/);
  });

  it('summarize selects verbatim sentences of the fetched article', async () => {
    const url = server.url('/town/pool.txt');
    const result = await runCliAsync(['summarize', url, '--json', '--allow-private', '--sentences', '3'], work);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { url: string; title: string; sentences: Array<{ text: string }> };
    expect(summary.url).toBe(url);
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.length).toBeLessThanOrEqual(3);
    const source = fixture('pool.txt');
    for (const sentence of summary.sentences) expect(source).toContain(sentence.text);
  });

  it('summarize works on a fetched HTML page too', async () => {
    const result = await runCliAsync(['summarize', server.url('/town/lantern-festival'), '--json', '--allow-private'], work);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { title: string; sentences: Array<{ text: string }> };
    expect(summary.title).toBe('Wrenhollow Moves Its Lantern Festival Indoors');
    expect(summary.sentences[0]?.text).toMatch(/^The lantern festival that has filled Wrenhollow’s market square/);
  });

  it('audit --source URL checks a summary against the fetched article', async () => {
    const result = await runCliAsync(['audit', '--source', server.url('/town/pool.txt'), '--summary', fixturePath('pool-summary.txt'), '--json', '--allow-private'], work);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { sentences: Array<{ verdict: string }>; summary: { total: number; supported: number } };
    expect(report.summary).toMatchObject({ total: 2, supported: 2 });
  });

  it('refuses the loopback URL without --allow-private, naming the address (exit 2), for every command', async () => {
    const url = server.url('/town/pool.txt');
    const hitsBefore = server.hits('/town/pool.txt');
    for (const args of [['extract', url], ['summarize', url], ['audit', '--source', url, '--summary', fixturePath('pool-summary.txt')]]) {
      const result = await runCliAsync(args, work);
      expect(result.status, args[0]).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`${url}: 127.0.0.1 resolves to 127.0.0.1, a private or local address; refused (use --allow-private`);
      expect(result.stdout).toBe('');
    }
    expect(server.hits('/town/pool.txt')).toBe(hitsBefore);
  });

  it('a failed fetch is one line naming the URL and the status (exit 1)', async () => {
    const url = server.url('/gone');
    for (const args of [['extract', url], ['summarize', url], ['audit', '--source', url, '--summary', fixturePath('pool-summary.txt')]]) {
      const result = await runCliAsync([...args, '--allow-private'], work);
      expect(result.status, args[0]).toBe(1);
      expect(result.stderr.trim()).toBe(`newsdesk ${args[0]}: ${url}: HTTP 410 Gone`);
    }
  });

  it('rejects --url beside a URL input as bad usage', async () => {
    const result = await runCliAsync(['extract', server.url('/town/pool.txt'), '--url', 'https://example.org/x', '--allow-private'], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--url applies to a file/);
  });
});
