// The seed summary as a model's answer: the gate keeps its faithful sentences with provenance and publishes
// neither the 59 arrests credited to Sheinbaum nor "Both leaders agreed". The seed pair is read in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../model.js';
import { createChatClient, DEFAULT_LLM_OPTIONS } from '../../llm/index.js';
import { findSeeds, seedSummaryProse } from '../../../eval/llm/seeds.js';
import { startFakeModel, type FakeModelServer } from '../../../eval/llm/fake-server.js';
import { summarizeWithModel } from './index.js';

const seeds = findSeeds();

function seedArticle(dir: string): Article {
  const lines = readFileSync(join(dir, 'article.txt'), 'utf8').trimEnd().split('\n');
  if (/appeared first on/.test(lines.at(-1) ?? '')) lines.pop();
  return { id: 'seed', url: '', title: 'Seed', byline: [], publisher: 'seed', publisherName: 'Seed', text: lines.join('\n'), origin: { path: 'seed.txt', kind: 'text' }, warnings: [] };
}

describe.skipIf(!seeds)('the seed summary through the model gate (needs ../shared/seeds)', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    const prose = seedSummaryProse(seeds!);
    // Repairs are refused (null), so every rejected sentence is replaced or dropped.
    server = await startFakeModel((r) => ({ content: /rejected these/.test(r.body.messages?.[1]?.content ?? '') ? '{"sentences": []}' : prose }));
  });
  afterAll(() => server.close());

  it('keeps the faithful sentences and never the misattributed ones', async () => {
    const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'seed-model', allowPrivate: true });
    const { summary, counts } = await summarizeWithModel(seedArticle(seeds!), undefined, { client });
    await client.close();
    const model = summary.sentences.filter((s) => s.method === 'llm');
    expect(model.length).toBeGreaterThanOrEqual(3);
    for (const s of model) expect(s.source.length).toBeGreaterThan(0);
    expect(summary.text).not.toMatch(/Sheinbaum highlighted the arrest of 59/);
    expect(summary.text).not.toMatch(/Both leaders agreed/);
    expect(counts.kept).toBe(model.length);
    expect(counts.replaced + counts.dropped).toBeGreaterThanOrEqual(3);
  });
});
