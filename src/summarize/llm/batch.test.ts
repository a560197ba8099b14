import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../model.js';
import { createChatClient, DEFAULT_LLM_OPTIONS } from '../../llm/index.js';
import { startFakeModel, type FakeModelServer, type Script } from '../../../eval/llm/fake-server.js';
import { summarizeBatchWithModel } from './batch.js';

const servers: FakeModelServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const article = (id: string, text: string): Article => ({ id, url: '', title: id, byline: [], publisher: 'p', publisherName: 'P', text, origin: { path: `${id}.txt`, kind: 'text' }, warnings: [] });
const ARTICLES = [
  article('a', 'The ferry board voted 5 to 2 on Tuesday to raise fares. The new fare starts in May.'),
  article('b', 'The library will open on Sundays from March. A grant pays for the staff.'),
  article('c', 'The council met on Monday about the harbor. It will vote next week.'),
];

async function batch(script: Script, concurrency = 1) {
  const server = await startFakeModel(script);
  servers.push(server);
  const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'm', allowPrivate: true, retries: 0, concurrency });
  try {
    const outcomes = await summarizeBatchWithModel(ARTICLES, { client, concurrency, onCancel: () => new Error('cancelled') });
    return { outcomes, requests: server.requests.length };
  } finally {
    await client.close();
  }
}

describe('a run of articles through the model', () => {
  it('stops asking once the server is overloaded after its retries; every article still gets an outcome', async () => {
    const { outcomes, requests } = await batch(() => ({ status: 503 }));
    expect(requests).toBe(1);
    expect(outcomes.map((o) => ('failure' in o ? o.failure : 'summary'))).toEqual([expect.stringMatching(/answered 503/), expect.stringMatching(/answered 503/), expect.stringMatching(/answered 503/)]);
  });

  it('keeps asking after an error that concerns one article (a 400), and after an answer with no sentence', async () => {
    const { outcomes, requests } = await batch((r) =>
      r.hit === 1 ? { status: 400, raw: '{"error":{"message":"context length exceeded"}}' } : r.hit === 2 ? { content: '<think>nothing to say</think>' } : { content: '{"sentences":[{"text":"The council met on Monday about the harbor.","cites":[1]}]}' },
    );
    expect(requests).toBe(3);
    expect('failure' in outcomes[0]! && outcomes[0].failure).toMatch(/answered 400/);
    expect('failure' in outcomes[1]! && outcomes[1].failure).toMatch(/held no sentence/);
    expect('summary' in outcomes[2]! && outcomes[2].summary.summary.text).toBe('The council met on Monday about the harbor.');
  });

  it('asks nothing once the run has stopped asking the model (a halt shared by the run), and says why for every article', async () => {
    const server = await startFakeModel(() => ({ content: '{"sentences":[]}' }));
    servers.push(server);
    const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'm', allowPrivate: true });
    const halt = { reason: 'llm: cannot reach the server' };
    const outcomes = await summarizeBatchWithModel(ARTICLES, { client, concurrency: 2, halt, onCancel: () => new Error('cancelled') });
    await client.close();
    expect(server.requests).toHaveLength(0);
    expect(outcomes.map((o) => ('failure' in o ? o.failure : 'summary'))).toEqual([halt.reason, halt.reason, halt.reason]);
  });

  it('stops with the run when it is cancelled between articles', async () => {
    const server = await startFakeModel(() => ({ content: '{"sentences":[]}' }));
    servers.push(server);
    const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'm', allowPrivate: true });
    let asked = 0;
    await expect(summarizeBatchWithModel(ARTICLES, { client, concurrency: 1, cancelled: () => ++asked > 1, onCancel: () => new Error('run cancelled') })).rejects.toThrow('run cancelled');
    await client.close();
    expect(server.requests.length).toBe(1);
  });
});
