// A run with the model backend, in process: cancelled while a request is in flight (a summary's or a story
// digest's), it stops, stores nothing and is recorded as cancelled; with its token budget spent on the
// summaries, the stories keep the extractive digest and the run says so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings, type RunSettings } from '../src/config.js';
import { RunCancelled, runPipeline } from '../src/pipeline.js';
import { openSqliteStore } from '../src/store/index.js';
import { promptOf, startFakeModel, type FakeModelServer } from '../eval/llm/fake-server.js';
import { isDigestRequest } from '../eval/llm/digest-cases.js';
import { REPO, tempDir } from './helpers/cli.js';

const STORY = join(REPO, 'eval/llm/stories/kestrel-bridge');

function modelSettings(server: FakeModelServer, llm: Partial<NonNullable<RunSettings['llm']>> = {}): RunSettings {
  const settings = runSettings(DEFAULT_CONFIG);
  return { ...settings, summarize: { backend: 'llm' }, llm: { ...settings.llm!, url: server.url, model: 'slow-7b', allowPrivate: true, ...llm } };
}

/** Each article summarized by its first sentence (verbatim, so kept). */
function firstSentence(prompt: string): string {
  return JSON.stringify({ sentences: [{ text: /^\[2\] (.*)$/m.exec(prompt)?.[1] ?? '', cites: [2] }] });
}

async function cancelledWhile(inFlight: (server: FakeModelServer) => boolean, server: FakeModelServer, inputs: string[]): Promise<void> {
  const dir = tempDir('newsdesk-llm-cancel-');
  const store = openSqliteStore(join(dir, 'desk.db'));
  let cancel = false;
  try {
    const run = runPipeline({ inputs, outDir: join(dir, 'out'), now: '2026-12-06T08:00:00.000Z', settings: modelSettings(server), cancelled: () => cancel }, store);
    while (!inFlight(server)) await new Promise((r) => setTimeout(r, 10));
    cancel = true;
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect((await store.listRuns()).map((r) => r.status)).toEqual(['cancelled']);
    expect(await store.countRows('articles')).toBe(0);
  } finally {
    await store.close();
    await server.close();
  }
}

describe('a run with the model backend', () => {
  it('is cancelled while a model request is in flight: nothing is stored and the run says cancelled', async () => {
    const server = await startFakeModel(() => ({ content: '{"sentences":[]}', delayMs: 600_000 }));
    await cancelledWhile((s) => s.requests.length > 0, server, [join(REPO, 'eval/llm/articles/ferry-fares.txt')]);
  });

  it("is cancelled while a story digest's request is in flight: nothing is stored and the run says cancelled", async () => {
    const server = await startFakeModel((r) => (isDigestRequest(r) ? { content: '{"sentences":[]}', delayMs: 600_000 } : { content: firstSentence(promptOf(r)) }));
    await cancelledWhile((s) => s.requests.some(isDigestRequest), server, [STORY]);
  });

  it("gives the stories the extractive digest once the summaries have spent the run's token budget", async () => {
    // Every answer reports 900 + 150 tokens: the two summaries spend 2,100, all the budget.
    const server = await startFakeModel((r) => ({ content: isDigestRequest(r) ? '{"sentences":[]}' : firstSentence(promptOf(r)) }));
    const dir = tempDir('newsdesk-llm-budget-');
    const store = openSqliteStore(join(dir, 'desk.db'));
    try {
      const outcome = await runPipeline({ inputs: [STORY], outDir: join(dir, 'out'), now: '2026-12-06T08:00:00.000Z', settings: modelSettings(server, { tokenBudget: 2100 }) }, store);
      expect(outcome.committed).toBe(true);
      expect(server.requests.filter(isDigestRequest)).toHaveLength(0);
      expect(server.requests).toHaveLength(2);
      expect(outcome.result.notices.join('\n')).toMatch(/token budget \(2100, llm\.tokenBudget\) is spent.*; 1 story got the extractive digest instead/);
      expect(outcome.result.digests).toBeUndefined();
    } finally {
      await store.close();
      await server.close();
    }
  });
});
