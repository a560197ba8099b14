// The client against a loopback fake server with scripted answers: what it sends, how it reads JSON and
// streamed answers, retries (429 with Retry-After, 5xx), a slow server, the budget, cancellation, the guard.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeModel, type FakeModelServer, type Script } from '../../eval/llm/fake-server.js';
import { createChatClient, DEFAULT_LLM_OPTIONS, LlmError, type LlmOptions } from './index.js';

const servers: FakeModelServer[] = [];
async function serve(script: Script): Promise<FakeModelServer> {
  const server = await startFakeModel(script);
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const KEY = 'sk-secret-do-not-print';
/** Short pauses, so retries are quick; no test asserts how long anything took. */
const fast = (server: FakeModelServer, extra: Partial<LlmOptions> = {}): LlmOptions => ({
  ...DEFAULT_LLM_OPTIONS,
  url: server.url,
  model: 'fake-7b',
  allowPrivate: true,
  backoffBaseMs: 1,
  backoffMaxMs: 2,
  ...extra,
});
const ask = { messages: [{ role: 'user' as const, content: 'Summarize.' }], json: true };

describe('chat client', () => {
  it('sends the model, the key as a bearer token, the settings and response_format, and reads usage', async () => {
    const server = await serve(() => ({ content: '{"sentences": []}', usage: { prompt_tokens: 1000, completion_tokens: 200 } }));
    const client = createChatClient(fast(server, { inputPricePerMillion: 0.5, outputPricePerMillion: 1.5 }), { apiKey: KEY });
    const answer = await client.complete(ask);
    await client.close();
    expect(answer.content).toBe('{"sentences": []}');
    const sent = server.requests[0]!;
    expect(sent.body).toMatchObject({ model: 'fake-7b', temperature: 0.2, max_tokens: 700, response_format: { type: 'json_object' } });
    expect(sent.authorization).toBe(`Bearer ${KEY}`);
    expect(client.spending()).toEqual({ requests: 1, promptTokens: 1000, completionTokens: 200, cost: (1000 * 0.5 + 200 * 1.5) / 1e6 });
  });

  it('asks again without response_format when the server refuses it, and does not ask for it again', async () => {
    const server = await serve((r) => (r.body.response_format ? { status: 400, raw: '{"error":{"message":"response_format is not supported"}}' } : { content: 'Prose.' }));
    const client = createChatClient(fast(server));
    expect((await client.complete(ask)).content).toBe('Prose.');
    expect((await client.complete(ask)).content).toBe('Prose.');
    await client.close();
    expect(server.requests.map((r) => Boolean(r.body.response_format))).toEqual([true, false, false]);
  });

  it('reads a streamed answer (server-sent events) with its usage', async () => {
    const text = 'The ferry board voted 5 to 2 on Tuesday [1]. The fare rises in May [3].';
    const server = await serve(() => ({ content: text, stream: true, usage: { prompt_tokens: 50, completion_tokens: 20 } }));
    const client = createChatClient(fast(server));
    expect((await client.complete(ask)).content).toBe(text);
    expect(client.spending()).toMatchObject({ promptTokens: 50, completionTokens: 20 });
    await client.close();
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const server = await serve((r) => (r.hit === 1 ? { status: 429, headers: { 'retry-after': '0' } } : { content: 'ok' }));
    const client = createChatClient(fast(server));
    expect((await client.complete(ask)).content).toBe('ok');
    await client.close();
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond llm.maxRetryAfterMs', async () => {
    const server = await serve(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const client = createChatClient(fast(server));
    await expect(client.complete(ask)).rejects.toThrow(/429 and asks to wait 3600 s, more than llm.maxRetryAfterMs/);
    await client.close();
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 5xx up to llm.retries times, then fails naming the server and status, never the key', async () => {
    const server = await serve(() => ({ status: 503, raw: `{"error":"overloaded, key ${KEY}"}` }));
    const client = createChatClient(fast(server, { retries: 2 }), { apiKey: KEY });
    const error = (await client.complete(ask).catch((e: unknown) => e)) as LlmError;
    await client.close();
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/^llm: http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions answered 503/);
    expect(error.message).not.toContain(KEY);
  });

  it('gives up on a slow answer after llm.timeoutMs and says so', async () => {
    const server = await serve(() => ({ content: 'late', delayMs: 30_000 }));
    const client = createChatClient(fast(server, { timeoutMs: 100 }));
    const error = (await client.complete(ask).catch((e: unknown) => e)) as LlmError;
    await client.close();
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/no complete answer within 100 ms \(llm\.timeoutMs\)/);
  });

  it('stops asking once the token budget is spent', async () => {
    const server = await serve(() => ({ content: 'ok', usage: { prompt_tokens: 600, completion_tokens: 100 } }));
    const client = createChatClient(fast(server, { tokenBudget: 1000 }));
    await client.complete(ask);
    await client.complete(ask);
    await expect(client.complete(ask)).rejects.toMatchObject({ kind: 'budget' });
    await client.close();
    expect(server.requests).toHaveLength(2);
  });

  it("counts what the run spent through an earlier client against the run's budget", async () => {
    const server = await serve(() => ({ content: 'ok', usage: { prompt_tokens: 600, completion_tokens: 100 } }));
    const client = createChatClient(fast(server, { tokenBudget: 1000 }), { spentBefore: 400 });
    await client.complete(ask);
    await expect(client.complete(ask)).rejects.toMatchObject({ kind: 'budget' });
    await client.close();
    expect(server.requests).toHaveLength(1);
  });

  it('is cancelled with the run: a request in flight is aborted', async () => {
    const server = await serve(() => ({ content: 'late', delayMs: 30_000 }));
    const run = new AbortController();
    const client = createChatClient(fast(server), { signal: run.signal });
    const pending = client.complete(ask).then(
      () => undefined,
      (e: unknown) => e as LlmError,
    );
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    run.abort();
    expect((await pending)?.kind).toBe('cancelled');
    await client.close();
  });

  it('keeps to llm.concurrency requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const server = await serve(() => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Counted out before the answer leaves, so the next request the client sends is never counted early.
      setTimeout(() => (inFlight -= 1), 10);
      return { content: 'ok', delayMs: 30 };
    });
    const client = createChatClient(fast(server, { concurrency: 2 }));
    await Promise.all(Array.from({ length: 6 }, () => client.complete(ask)));
    await client.close();
    expect(server.requests).toHaveLength(6);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('refuses a loopback server unless private addresses are allowed, and a key in the URL', () => {
    expect(() => createChatClient({ ...DEFAULT_LLM_OPTIONS, url: 'http://127.0.0.1:11434/v1', model: 'm' })).toThrow(/private or local address; pass --allow-private/);
    expect(() => createChatClient({ ...DEFAULT_LLM_OPTIONS, url: 'https://user:sk-1@api.example/v1', model: 'm' })).toThrow(/NEWSDESK_LLM_API_KEY, not in the URL/);
    expect(() => createChatClient({ ...DEFAULT_LLM_OPTIONS, model: 'm' })).toThrow(/needs llm.url and llm.model/);
  });

  it('says the server is unreachable when nothing listens', async () => {
    const server = await serve(() => ({ content: 'ok' }));
    const url = server.url;
    await servers.pop()!.close();
    const client = createChatClient({ ...fast(server), url, retries: 1 });
    await expect(client.complete(ask)).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/cannot reach .* is the model server running\?/) });
    await client.close();
  });
});
