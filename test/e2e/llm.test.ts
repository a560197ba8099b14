// End to end: the compiled CLI with a model backend, against a loopback fake server (no outside host).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, listFiles, REPO, tempDir, type CliResult } from '../helpers/cli.js';
import { startFakeModel, type FakeModelServer } from '../../eval/llm/fake-server.js';
import { findSeeds, seedSummaryProse } from '../../eval/llm/seeds.js';
import { answerText, GATE_CASES } from '../../eval/llm/cases.js';

const KEY = 'sk-e2e-never-printed';

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '', NEWSDESK_LLM_API_KEY: KEY, XDG_CACHE_HOME: join(cwd, 'cache'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const seeds = findSeeds();

describe.skipIf(!seeds)('newsdesk summarize on the seed article with a model (needs ../shared/seeds)', () => {
  let server: FakeModelServer;
  let work: string;
  let first: CliResult;
  let args: string[];
  beforeAll(async () => {
    const prose = seedSummaryProse(seeds!);
    server = await startFakeModel(() => ({ content: prose }));
    work = tempDir('newsdesk-llm-');
    args = ['summarize', join(seeds!, 'article.txt'), '--llm-url', server.url, '--llm-model', 'seed-model-7b', '--allow-private', '--json'];
    first = await cli(args, work);
  });
  afterAll(() => server.close());

  it('sends the model name and the key, and never prints the key', () => {
    expect(first.status).toBe(0);
    expect(server.requests[0]!.body.model).toBe('seed-model-7b');
    expect(server.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(first.stdout + first.stderr).not.toContain(KEY);
  });

  it('keeps at least three of the model sentences with provenance, and neither misattributed claim', () => {
    const json = JSON.parse(first.stdout) as { summary: string; method: string; sentences: Array<{ text: string; method: string; source: unknown[] }> };
    const kept = json.sentences.filter((s) => s.method === 'llm');
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const s of kept) expect(s.source.length).toBeGreaterThan(0);
    expect(json.summary).not.toMatch(/Sheinbaum highlighted the arrest of 59/);
    expect(json.summary).not.toMatch(/Both leaders agreed/);
    expect(first.stderr).toMatch(/model summary: \d+ sentences kept, \d+ repaired, \d+ replaced by source sentences, \d+ dropped/);
  });

  it('makes no second request when the same command runs again (the answer cache)', async () => {
    const before = server.requests.length;
    const again = await cli(args, work);
    expect(again.status).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
  });
});

describe('newsdesk summarize and run with a model backend', () => {
  const article = join(REPO, 'eval/llm/articles/ferry-fares.txt');
  const faults = GATE_CASES[1]!;

  it('refuses a loopback model server without --allow-private (exit 2, saying what to do)', async () => {
    const result = await cli(['summarize', article, '--llm-url', 'http://127.0.0.1:9/v1', '--llm-model', 'm'], tempDir('newsdesk-llm-'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^newsdesk summarize: llm: http:\/\/127\.0\.0\.1:9 is a private or local address; pass --allow-private/m);
    const run = await cli(['run', article, '--out', 'out', '--db', 'desk.db', '--llm-url', 'http://127.0.0.1:9/v1', '--llm-model', 'm', '--quiet'], tempDir('newsdesk-llm-'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pass --allow-private/);
  });

  it('falls back to the extractive summary with a notice when the model is down, exit 0', async () => {
    const down = await startFakeModel(() => ({ content: '' }));
    const url = down.url;
    await down.close();
    const result = await cli(['summarize', article, '--llm-url', url, '--llm-model', 'm', '--allow-private', '--json'], tempDir('newsdesk-llm-'));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/cannot reach .*; 1 article got the extractive summary instead/);
    expect((JSON.parse(result.stdout) as { method: string }).method).toMatch(/^extractive/);
  });

  it('a run counts kept, repaired, replaced and dropped sentences in run.json, and a re-run asks nothing', async () => {
    const server = await startFakeModel(() => ({ content: answerText('json', faults.sentences) }));
    try {
      const work = tempDir('newsdesk-llm-run-');
      const runArgs = ['run', article, '--out', 'out', '--db', 'desk.db', '--llm-url', server.url, '--llm-model', 'fake-7b', '--allow-private', '--quiet'];
      const result = await cli(runArgs, work);
      expect(result.status).toBe(0);
      const run = JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8')) as { model_sentences: { kept: number; repaired: number; replaced: number; dropped: number }; notices: string[] };
      const faulty = faults.sentences.filter((s) => s.fault).length;
      expect(run.model_sentences.kept).toBe(faults.sentences.length - faulty);
      expect(run.model_sentences.repaired + run.model_sentences.replaced + run.model_sentences.dropped).toBe(faulty);
      expect(run.notices.join('\n')).toMatch(/llm: 2 requests to fake-7b/);
      expect(readFileSync(join(work, 'out/run.json'), 'utf8')).not.toContain(KEY);
      const sidecar = JSON.parse(readFileSync(join(work, 'out/articles', listFiles(join(work, 'out/articles')).find((f) => f.endsWith('.provenance.json'))!), 'utf8')) as { method: string; sentences: Array<{ method: string; source: unknown[] }> };
      expect(sidecar.method).toBe('llm-v1');
      expect(sidecar.sentences.map((s) => s.method)).toContain('llm');
      for (const s of sidecar.sentences) expect(s.source.length).toBeGreaterThan(0);
      const requests = server.requests.length;
      expect((await cli(runArgs, work)).status).toBe(0);
      expect(server.requests.length).toBe(requests);
    } finally {
      await server.close();
    }
  });
});
