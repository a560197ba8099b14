// `newsdesk audit` as a user runs it: exit codes, human output with evidence, JSON shape, stdin, Markdown.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runCli, tempDir } from '../helpers/cli.js';

const ARTICLE = `Kestrel Point Votes to Rebuild Its Seawall

KESTREL POINT — The Kestrel Point town council voted 6 to 1 on Monday to rebuild the seawall along Gull Street, a project expected to cost $4.2 million.
Council president Ida Marlowe said the old wall had failed twice in storms last winter. “We cannot keep patching a wall from 1958,” Ms. Marlowe said.
Harbor master Tobin Reyes said work would begin in April and take about eight months.
`;

describe('newsdesk audit', () => {
  const work = tempDir('newsdesk-audit-');
  const article = join(work, 'seawall.txt');
  writeFileSync(article, ARTICLE);

  it('exits 0 and says supported when every sentence is backed by the article', () => {
    const summary = join(work, 'good.txt');
    writeFileSync(summary, 'The Kestrel Point council voted 6 to 1 to rebuild the Gull Street seawall at a cost of $4.2 million. Harbor master Tobin Reyes said work would start in April.');
    const result = runCli(['audit', '--source', article, '--summary', summary], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1\. ✓ SUPPORTED/);
    expect(result.stdout).toMatch(/↳ source sentence \d+: .*\*seawall\*/);
    expect(result.stdout).toMatch(/2 summary sentence\(s\): 2 supported/);
  });

  it('exits 1 and names the problem for a misattributed quote and a changed number', () => {
    const summary = join(work, 'bad.txt');
    writeFileSync(summary, '“We cannot keep patching a wall from 1958,” Mr. Reyes said. The project is expected to cost $2.4 million.');
    const result = runCli(['audit', '--source', article, '--summary', summary, '--json'], work);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { sentences: { verdict: string; findings: { kind: string }[] }[]; summary: Record<string, number> };
    expect(json.sentences.map((s) => s.verdict)).toEqual(['misattributed', 'contradicted']);
    expect(json.sentences[1]!.findings.map((f) => f.kind)).toContain('number');
    expect(json.summary).toMatchObject({ total: 2, supported: 0, misattributed: 1, contradicted: 1, unsupported: 0 });
  });

  it('reads the summary from stdin and audits only the Article summary section of a Markdown file', () => {
    const markdown = '---\ntitle: Seawall\nusage: candidate\n---\n## Article summary\nHarbor master Tobin Reyes said work would begin in April.\n\n## Notes\nThe mayor resigned.\n';
    const result = spawnSync(process.execPath, [CLI, 'audit', '--source', article, '--summary', '-', '--json'], { cwd: work, input: markdown, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { sentences: { text: string }[] };
    expect(json.sentences.map((s) => s.text)).toEqual(['Harbor master Tobin Reyes said work would begin in April.']);
  });

  it('reads an HTML article page as the source', () => {
    const page = join(work, 'seawall.html');
    const paragraphs = ARTICLE.trim().split('\n').slice(2).map((p) => `<p>${p}</p>`).join('\n');
    writeFileSync(page, `<!doctype html><html><head><title>Kestrel Point Votes to Rebuild Its Seawall</title></head><body><article><h1>Kestrel Point Votes to Rebuild Its Seawall</h1>${paragraphs}</article></body></html>`);
    const summary = join(work, 'html-summary.txt');
    writeFileSync(summary, 'Council president Ida Marlowe said the old wall had failed twice in storms last winter. Tobin Reyes said the old wall had failed twice.');
    const result = runCli(['audit', '--source', page, '--summary', summary, '--json'], work);
    expect(result.status, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as { sentences: { verdict: string }[] };
    expect(json.sentences.map((s) => s.verdict)).toEqual(['supported', 'misattributed']);
  });

  it('exits 2 with one line on a refused input or bad usage, 1 on an empty summary (the README table)', () => {
    const missing = runCli(['audit', '--source', join(work, 'nope.txt'), '--summary', article], work);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(runCli(['audit', '--source', article, '--summary', join(work, 'nope-summary.txt')], work).status).toBe(2);
    expect(runCli(['audit', '--summary', article], work).status).toBe(2);
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '\n');
    const emptyResult = runCli(['audit', '--source', article, '--summary', empty], work);
    expect(emptyResult.status).toBe(1);
    expect(emptyResult.stderr).toMatch(/the summary is empty/);
    const binary = join(work, 'summary.bin');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x10, 0x00, 0x00, 0x00]));
    const binaryResult = runCli(['audit', '--source', article, '--summary', binary], work);
    expect(binaryResult.status).toBe(1);
    expect(binaryResult.stdout).toBe('');
    expect(binaryResult.stderr.trim()).toBe(`newsdesk audit: ${binary}: binary file; pass the summary as text or Markdown`);
  });
});
