import { afterEach, describe, expect, it } from 'vitest';
import { checkedSentence, startFakeLlm, type FakeLlmServer, type FakeReply } from '../../../test/helpers/llm-server.js';
import { auditSummaryWith } from '../index.js';
import { llmBackend } from './backend.js';
import { chatCompletionsUrl, createChatClient, retryAfterMs } from './client.js';
import { DEFAULT_LLM_AUDIT_OPTIONS } from './options.js';
import { readVerdict } from './prompt.js';

// An original fictional article.
const SOURCE = `KESTREL BAY — The Kestrel Bay council voted on Tuesday to close the Linden Street car park for six weeks of repairs from March 3.
Council leader Ines Farrow said the concrete deck had cracked in several places. “We cannot let people park on it,” she said.
Shop owner Paul Dray said the closure would cost him customers.`;

let server: FakeLlmServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-test-0123456789';

async function fake(reply: (sentence: string, index: number) => FakeReply) {
  server = await startFakeLlm((user, i) => reply(checkedSentence(user), i));
  return server;
}

function options(url: string, extra: Partial<typeof DEFAULT_LLM_AUDIT_OPTIONS> = {}) {
  return { ...DEFAULT_LLM_AUDIT_OPTIONS, url, model: 'fake-entail', ...extra };
}

const supported = JSON.stringify({ verdict: 'supported', source_sentence: 1, span: '', reason: 'stated' });

describe('chat client', () => {
  it('posts the model, the messages and the bearer key to /chat/completions, and returns the content', async () => {
    const s = await fake(() => ({ content: 'hello' }));
    const client = createChatClient(options(s.url), { apiKey: KEY });
    expect(await client.complete([{ role: 'user', content: 'hi' }])).toBe('hello');
    expect(s.requests[0]).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${KEY}`, body: { model: 'fake-entail', temperature: 0 } });
    expect(s.requests[0]!.body.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
    const s = await fake((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '2' }, raw: '{}' } : { content: 'ok' }));
    const waits: number[] = [];
    const client = createChatClient(options(s.url), { sleep: async (ms) => void waits.push(ms) });
    expect(await client.complete([{ role: 'user', content: 'x' }])).toBe('ok');
    expect(waits).toEqual([2000]);
    expect(s.requests).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and gives up after its retries with the URL and status, never the key', async () => {
    const s = await fake(() => ({ status: 503, raw: '{}' }));
    const waits: number[] = [];
    const client = createChatClient(options(s.url, { retries: 2, backoffBaseMs: 100 }), { apiKey: KEY, sleep: async (ms) => void waits.push(ms) });
    const error = await client.complete([{ role: 'user', content: 'x' }]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`${s.url}/chat/completions: HTTP 503 after 3 attempt(s)`);
    expect((error as Error).message).not.toContain(KEY);
    expect(waits).toEqual([100, 200]);
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry a 400, and refuses to wait longer than maxRetryAfterMs', async () => {
    const bad = await fake(() => ({ status: 400, raw: '{"error":"bad model"}' }));
    await expect(createChatClient(options(bad.url), { sleep: async () => {} }).complete([])).rejects.toThrow(/HTTP 400 after 1 attempt/);
    expect(bad.requests).toHaveLength(1);
    await bad.close();
    const slow = await fake(() => ({ status: 429, headers: { 'retry-after': '3600' }, raw: '{}' }));
    server = slow;
    await expect(createChatClient(options(slow.url), { sleep: async () => {} }).complete([])).rejects.toThrow(/asks to wait 3600 s/);
  });

  it('times out a server that never answers', async () => {
    const s = await fake(() => ({ hang: true }));
    const client = createChatClient(options(s.url, { timeoutMs: 200, retries: 1 }), { sleep: async () => {} });
    await expect(client.complete([])).rejects.toThrow(/no answer within 200 ms after 2 attempt/);
  });

  it('reads Retry-After as seconds or as an HTTP date, and builds the endpoint URL', () => {
    expect(retryAfterMs('5')).toBe(5000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(chatCompletionsUrl('http://h/v1/')).toBe('http://h/v1/chat/completions');
    expect(chatCompletionsUrl('http://h/v1/chat/completions')).toBe('http://h/v1/chat/completions');
  });
});

describe('readVerdict', () => {
  it('reads JSON, JSON after a <think> block or inside prose, and falls back to a verdict word', () => {
    expect(readVerdict('{"verdict":"contradicted","source_sentence":2,"span":"six months","reason":"six weeks"}', 3)).toEqual({
      verdict: 'contradicted',
      sentence: 1,
      span: 'six months',
      reason: 'six weeks',
    });
    expect(readVerdict('<think>the article says {weeks}</think>Answer: ```json\n{"verdict": "Misattributed", "source_sentence": 9}\n```', 3)).toEqual({
      verdict: 'misattributed',
      span: '',
      reason: '',
    });
    expect(readVerdict('Unsupported: the article never says this.', 3)?.verdict).toBe('unsupported');
    expect(readVerdict('{"verdict": "maybe"', 3)).toBeUndefined();
  });
});

describe('model-backed audit backend', () => {
  it('lets the model flag a sentence the rules support, naming the source sentence and the span', async () => {
    const s = await fake((sentence) =>
      /deck/.test(sentence)
        ? { content: JSON.stringify({ verdict: 'contradicted', source_sentence: 2, span: 'in several places', reason: 'a scripted objection' }) }
        : { content: supported },
    );
    const backend = llmBackend(options(s.url), { sleep: async () => {} });
    const report = await auditSummaryWith('k', SOURCE, 'The council voted to close the Linden Street car park for six weeks. Ines Farrow said the concrete deck had cracked in several places.', backend);
    expect(report.sentences.map((x) => x.verdict)).toEqual(['supported', 'contradicted']);
    expect(report.sentences[1]!.findings).toEqual([{ kind: 'model', detail: 'fake-entail: “in several places”: a scripted objection (source sentence 2)' }]);
    expect(report.sentences[1]!.evidence.map((e) => e.sentence)).toEqual([1]);
  });

  it('never overrules a rule finding, and does not ask about sentences the rules already flag', async () => {
    const s = await fake(() => ({ content: supported }));
    const backend = llmBackend(options(s.url), { sleep: async () => {} });
    const report = await auditSummaryWith('k', SOURCE, 'The council voted to close the car park for six months. Council leader Ines Farrow said the concrete deck had cracked.', backend);
    expect(report.sentences[0]!.verdict).toBe('contradicted');
    expect(report.sentences[0]!.findings.map((f) => f.kind)).toContain('number');
    expect(report.sentences[1]!.verdict).toBe('supported');
    expect(s.requests).toHaveLength(1);
    expect(checkedSentence(s.requests[0]!.body.messages!.at(-1)!.content)).toMatch(/^Council leader Ines Farrow said/);
  });

  it('gives the model the numbered article and the summary sentences before the checked one', async () => {
    const s = await fake(() => ({ content: 'I think it is supported.' }));
    const backend = llmBackend(options(s.url), { sleep: async () => {} });
    const report = await auditSummaryWith('k', SOURCE, 'Ines Farrow leads the council. She said the deck had cracked.', backend);
    expect(report.sentences.map((x) => x.verdict)).toEqual(['supported', 'supported']);
    const second = s.requests.map((r) => r.body.messages!.at(-1)!.content).find((c) => /She said/.test(checkedSentence(c)))!;
    expect(second).toContain('[2] Council leader Ines Farrow said');
    expect(second).toContain('Earlier sentences of the summary');
    expect(second).toContain('Ines Farrow leads the council.');
  });
});
