// `newsdesk audit --llm-url … --llm-model …` against a loopback fake of an OpenAI-compatible server: the
// same output shape and exit codes, the key sent but never printed, the model only ever flagging more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { checkedSentence, startFakeLlm, type FakeLlmServer } from '../helpers/llm-server.js';

// An original fictional article.
const ARTICLE = `MOSSBURN — The Mossburn school board voted 5 to 2 on Wednesday to move the start of the school day to 8:45 a.m. from September.
Board chair Renata Holm said pupils needed more sleep. “Tired children do not learn,” Ms. Holm said.
Parent Ahmed Sorli said the change would make mornings harder for working families.
`;
const KEY = 'sk-live-do-not-print-42';

describe('newsdesk audit with a model check', () => {
  const work = tempDir('newsdesk-audit-llm-');
  const article = join(work, 'school.txt');
  const summary = join(work, 'summary.txt');
  writeFileSync(article, ARTICLE);
  writeFileSync(summary, 'The Mossburn school board voted 5 to 2 to start the school day at 8:45 a.m. from September. Board chair Renata Holm said pupils needed more sleep.');
  let server: FakeLlmServer;
  const previousKey = process.env.NEWSDESK_LLM_API_KEY;

  beforeAll(async () => {
    server = await startFakeLlm((user) =>
      /pupils needed more sleep/.test(checkedSentence(user))
        ? { content: '<think>…</think>{"verdict":"unsupported","source_sentence":2,"span":"more sleep","reason":"a scripted doubt"}' }
        : { content: '{"verdict":"supported","source_sentence":1,"span":"","reason":"stated"}' },
    );
    process.env.NEWSDESK_LLM_API_KEY = KEY;
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.NEWSDESK_LLM_API_KEY;
    else process.env.NEWSDESK_LLM_API_KEY = previousKey;
    await server.close();
  });

  it('sends the model and the key, adds the model finding in the same JSON shape, and exits 1', async () => {
    const result = await runCliAsync(['audit', '--source', article, '--summary', summary, '--json', '--llm-url', server.url, '--llm-model', 'fake-entail'], work);
    expect(result.status, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as { sentences: { verdict: string; findings: { kind: string; detail: string }[] }[]; summary: Record<string, number> };
    expect(Object.keys(json)).toEqual(['source', 'sentences', 'summary']);
    expect(json.sentences.map((s) => s.verdict)).toEqual(['supported', 'unsupported']);
    expect(json.sentences[1]!.findings).toEqual([{ kind: 'model', detail: 'fake-entail: “more sleep”: a scripted doubt (source sentence 2)' }]);
    expect(json.summary).toEqual({ total: 2, supported: 1, unsupported: 1, misattributed: 0, contradicted: 0 });
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}` && r.body.model === 'fake-entail')).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(KEY);
  });

  it('exits 1 with a one-line error naming the server, and no key, when the server keeps failing', async () => {
    const down = await startFakeLlm(() => ({ status: 500, raw: '{}' }));
    const config = join(work, 'config.yaml');
    writeFileSync(config, `audit:\n  backend: llm\n  llm:\n    url: ${down.url}\n    model: fake-entail\n    retries: 0\n`);
    const result = await runCliAsync(['audit', '--source', article, '--summary', summary, '--config', config], work);
    await down.close();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${down.url}/chat/completions: HTTP 500 after 1 attempt(s)`);
    expect(result.stderr).not.toContain(KEY);
  });

  it('refuses half a model setting as bad usage (exit 2) before any request', async () => {
    const before = server.requests.length;
    const result = await runCliAsync(['audit', '--source', article, '--summary', summary, '--llm-url', server.url], work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--llm-model/);
    expect(server.requests.length).toBe(before);
  });
});
