// Story digests by the model through the gate, on scripted answers (eval/llm/digest-cases.ts) from a loopback
// fake server: the faithful sentences are kept with their article and source sentences, every faulty one is
// repaired, replaced by the source sentence it cited or dropped, never published.
import { afterEach, describe, expect, it } from 'vitest';
import { createChatClient, DEFAULT_LLM_OPTIONS } from '../../llm/index.js';
import { splitSentences } from '../../text/sentences.js';
import { DIGEST_CASES } from '../../../eval/llm/digest-cases.js';
import { digestScript, runDigestCase, storyArticles } from '../../../eval/llm/run-digest-case.js';
import { startFakeModel, type FakeModelServer } from '../../../eval/llm/fake-server.js';
import { digestWithModel } from './digest.js';
import { gateDigestDrafts } from './digest-gate.js';

const [faithful, faults, thinkProse, markdown] = DIGEST_CASES as [(typeof DIGEST_CASES)[number], (typeof DIGEST_CASES)[number], (typeof DIGEST_CASES)[number], (typeof DIGEST_CASES)[number]];

describe('a story digest by the model through the gate', () => {
  it('keeps a faithful digest as written, each sentence with the article it cites and that article\'s source sentences', async () => {
    const result = await runDigestCase(faithful);
    expect(result.digest.sentences.map((s) => s.text)).toEqual(faithful.sentences.map((s) => s.text));
    expect(result.counts).toEqual({ kept: 4, repaired: 0, replaced: 0, dropped: 0 });
    expect(result.requests).toBe(1);
    const [gazette, courier] = result.articles;
    // "Chief engineer Rafael Dunn said …" cites the Courier's second sentence: its provenance is that sentence.
    const dunn = result.digest.sentences[2]!;
    expect(dunn).toMatchObject({ method: 'llm', articleId: courier!.id });
    expect(dunn.source.map((s) => s.sentence)).toEqual([1]);
    const second = splitSentences(courier!.text)[1]!;
    expect(courier!.text.slice(dunn.source[0]!.start, dunn.source[0]!.end)).toBe(second.text);
    expect(result.digest.sentences[1]).toMatchObject({ method: 'llm', articleId: gazette!.id });
    expect(result.digest.articleIds).toEqual([gazette!.id, courier!.id]);
  });

  it("never publishes a claim given to the other article's speaker or a wrong number; a supported repair is published as llm-repaired", async () => {
    const result = await runDigestCase(faults);
    expect(result.faultyPublished).toEqual([]);
    expect(result.digest.text).not.toContain('Mayor Gideon Ashby said two of the steel supports');
    expect(result.digest.text).not.toContain('$8.1 million');
    expect(result.digest.sentences.filter((s) => s.method === 'llm-repaired').map((s) => s.text)).toEqual(['Public Works Director Marisol Trent said the repairs would cost $1.8 million.']);
    const verdicts = result.drafts.map((d) => [d.verdict, d.gate]);
    expect(verdicts).toEqual([
      ['supported', 'kept'],
      ['misattributed', 'replaced'],
      ['contradicted', 'repaired'],
      ['supported', 'kept'],
    ]);
    // The misattributed sentence gives way to the Courier's own sentence, verbatim, crediting Mr. Dunn.
    const replaced = result.digest.sentences.find((s) => s.method === 'extractive')!;
    expect(replaced.text).toBe('Chief engineer Rafael Dunn said two steel supports under the eastern span had lost nearly a third of their thickness.');
    expect(replaced.articleId).toBe(result.articles[1]!.id);
    expect(result.requests).toBe(2);
  });

  it('reads an answer that ignored the JSON asked for: a <think> block, then prose with [A1] citations', async () => {
    const result = await runDigestCase(thinkProse);
    expect(result.faultyPublished).toEqual([]);
    expect(result.faithfulKept).toBe(result.faithfulTotal);
    expect(result.digest.text).not.toMatch(/eight weeks|<think>|\[A\d/);
  });

  it('reads a Markdown list after a preamble, and never gives a quote to the wrong speaker', async () => {
    const result = await runDigestCase(markdown);
    expect(result.faultyPublished).toEqual([]);
    expect(result.faithfulKept).toBe(result.faithfulTotal);
    expect(result.digest.text).not.toContain('Mayor Gideon Ashby said, "The bridge is safe');
  });
});

describe('the digest gate', () => {
  it('checks a sentence that cites nothing against every article, and refuses one that does not stand alone', async () => {
    const articles = await storyArticles(faithful);
    const gated = await gateDigestDrafts(
      articles,
      [
        { text: 'Nadia Fell said her weekday sales fell by a quarter during a two-week closure in 2011.', cites: [] },
        { text: 'He said two steel supports under the eastern span had lost nearly a third of their thickness.', cites: [] },
      ],
      { method: 'llm-digest-v1', maxWords: 90 },
    );
    const courier = articles[1]!.id;
    expect(gated.digest.sentences.map((s) => [s.method, s.articleId])).toEqual([
      ['llm', courier],
      ['extractive', courier],
    ]);
    expect(gated.digest.sentences[1]!.text).toBe('Chief engineer Rafael Dunn said two steel supports under the eastern span had lost nearly a third of their thickness.');
    expect(gated.audit.find((a) => a.gate === 'replaced')!.findings.map((f) => f.kind)).toContain('standalone');
  });
});

describe('asking for a story digest', () => {
  const servers: FakeModelServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('letters the articles, numbers their sentences, asks for the word budget, and caches the answer under the story', async () => {
    const server = await startFakeModel(digestScript(faithful));
    servers.push(server);
    const answers = new Map<string, { content: string; at: string }>();
    const cache = {
      modelAnswer: async (key: object) => answers.get(JSON.stringify(key)),
      saveModelAnswer: async (key: object, answer: { content: string; at: string }) => void answers.set(JSON.stringify(key), answer),
    };
    const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'fake-7b', allowPrivate: true });
    const articles = await storyArticles(faithful);
    const first = await digestWithModel(articles, 84, 'story s-1', { client, cache });
    const again = await digestWithModel(articles, 84, 'story s-1', { client, cache });
    // Another order is another prompt (the letters change), so it is asked again.
    await digestWithModel([...articles].reverse(), 84, 'story s-1', { client, cache });
    await client.close();
    const prompt = server.requests[0]!.body.messages![1]!.content;
    expect(prompt).toMatch(/^Article A \(Harbor Gazette\): Kestrel Street Bridge Will Close for Six Weeks of Repairs\n\[A1\] The Kestrel Street Bridge/m);
    expect(prompt).toMatch(/^Article B \(Wrenfield Courier\): .*\n\[B1\] Port Wrenfield will shut/m);
    expect(prompt).toContain('at most 84 words');
    expect(first.requests).toBe(1);
    expect(again.requests).toBe(0);
    expect(again.digest).toEqual(first.digest);
    expect(server.requests).toHaveLength(2);
  });
});
