// End to end: story digests written by a model in `newsdesk run`, against a loopback fake server with scripted
// answers (eval/llm/digest-cases.ts). The story is two original fictional articles from two publishers; the
// model's digest gives one claim to the other article's speaker and gets a number wrong. Neither reaches the
// briefing or the feeds; the run commits the gated digest, counts what the gate did in run.json, and a re-run
// (plain or queued) asks nothing. With the model down the run keeps the extractive digest, says so, exits 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCliAsync, tempDir, type CliResult } from '../helpers/cli.js';
import { promptOf, startFakeModel, type FakeModelServer } from '../../eval/llm/fake-server.js';
import { DIGEST_CASES, faultyDigestTexts, isDigestRequest } from '../../eval/llm/digest-cases.js';
import { digestScript } from '../../eval/llm/run-digest-case.js';

const faults = DIGEST_CASES[1]!;
const STORY = join(REPO, 'eval/llm/stories/kestrel-bridge');
/** A story of one article beside it: it keeps the extractive digest. */
const LONE = join(REPO, 'eval/llm/articles/library-hours.txt');
const GAZETTE_LEDE = "The Kestrel Street Bridge in Port Wrenfield will close to all traffic for six weeks starting on March 3, the city's public works department said on Monday.";

interface RunJson {
  model_sentences?: Record<string, number>;
  digest_sentences?: Record<string, number>;
  digests?: Array<{ story: string; method: string; sentences: Array<{ text: string; articleId: string; method: string; source: Array<{ sentence: number; start: number; end: number }> }> }>;
  candidates: Array<{ id: string; story: string; publisher: string; text: string }>;
  notices: string[];
}

/** Article summaries are answered with the article's first sentence (verbatim, so kept); digests as the case says. */
function script(): Parameters<typeof startFakeModel>[0] {
  const digest = digestScript(faults);
  return (request) => {
    if (isDigestRequest(request)) return digest(request);
    const first = /^\[2\] (.*)$/m.exec(promptOf(request))?.[1] ?? '';
    return { content: JSON.stringify({ sentences: [{ text: first, cites: [2] }] }) };
  };
}

function run(work: string, url: string, extra: string[] = []): Promise<CliResult> {
  return runCliAsync(['run', STORY, LONE, '--out', 'out', '--db', 'desk.db', '--llm-url', url, '--llm-model', 'fake-7b', '--allow-private', '--quiet', ...extra], work);
}

const read = (work: string, file: string): string => readFileSync(join(work, 'out', file), 'utf8');

describe('story digests by a model in a run', () => {
  let server: FakeModelServer;
  let work: string;
  let first: CliResult;
  let afterFirst: number;
  beforeAll(async () => {
    server = await startFakeModel(script());
    work = tempDir('newsdesk-llm-digest-');
    first = await run(work, server.url);
    afterFirst = server.requests.length;
  });
  afterAll(() => server.close());

  it('publishes the gated digest in the briefing: the faithful, repaired and replacing sentences, never a faulty one', () => {
    expect(first.status).toBe(0);
    const briefing = read(work, 'briefing.md');
    const html = read(work, 'briefing.html');
    for (const faulty of faultyDigestTexts(faults)) {
      expect(briefing).not.toContain(faulty);
      expect(html).not.toContain(faulty.replace(/'/g, '&#39;'));
    }
    expect(briefing).not.toContain('$8.1 million');
    expect(briefing).toContain(
      'Port Wrenfield will close the Kestrel Street Bridge to all traffic for six weeks from March 3 to repair corroded steel supports. ' +
        'Chief engineer Rafael Dunn said two steel supports under the eastern span had lost nearly a third of their thickness. ' +
        'Public Works Director Marisol Trent said the repairs would cost $1.8 million. ' +
        'Drivers will be sent over the Alder Avenue crossing, about a mile to the north. Also reported by Wrenfield Courier.',
    );
    // The lone story keeps its lead article's summary as its digest.
    expect(briefing).toMatch(/## \d\. City Library Extends Weekend Hours/);
    expect(server.requests.filter(isDigestRequest)).toHaveLength(2);
  });

  it('counts digest sentences kept, repaired, replaced and dropped in run.json, each sentence with its article and source sentences', () => {
    const json = JSON.parse(read(work, 'run.json')) as RunJson;
    expect(json.digest_sentences).toEqual({ kept: 2, repaired: 1, replaced: 1, dropped: 0 });
    expect(json.model_sentences).toBeDefined();
    expect(json.digests).toHaveLength(1);
    const [digest] = json.digests!;
    const members = json.candidates.filter((c) => c.story === digest!.story);
    expect(members.map((c) => c.publisher).sort()).toEqual(['harbor-gazette', 'wrenfield-courier']);
    expect(digest!.method).toBe('llm-digest-v1');
    expect(digest!.sentences.map((s) => s.method)).toEqual(['llm', 'extractive', 'llm-repaired', 'llm']);
    for (const sentence of digest!.sentences) {
      const article = members.find((c) => c.id === sentence.articleId);
      expect(article, sentence.text).toBeDefined();
      expect(sentence.source.length).toBeGreaterThan(0);
    }
    // The replacing sentence is the Courier's own, at the offsets its provenance gives.
    const replaced = digest!.sentences[1]!;
    const courier = members.find((c) => c.publisher === 'wrenfield-courier')!;
    expect(replaced.articleId).toBe(courier.id);
    expect(courier.text.slice(replaced.source[0]!.start, replaced.source[0]!.end)).toBe(replaced.text);
    expect(json.notices.join('\n')).toMatch(/model digest: 2 sentences kept, 1 repaired, 1 replaced by source sentences, 0 dropped/);
    expect(json.notices.join('\n')).toMatch(/llm: story digests: 2 requests to fake-7b/);
  });

  it('makes no request when the run is repeated, plain or queued: the digest comes from the answer cache', async () => {
    for (const extra of [[], ['--queue']]) {
      const again = await run(work, server.url, extra);
      expect(again.status, again.stderr).toBe(0);
      expect(server.requests.length).toBe(afterFirst);
      const json = JSON.parse(read(work, 'run.json')) as RunJson;
      expect(json.digest_sentences).toEqual({ kept: 2, repaired: 1, replaced: 1, dropped: 0 });
    }
    expect(read(work, 'briefing.md')).toContain('Chief engineer Rafael Dunn said two steel supports under the eastern span');
  });
  it('carries the digest into the feeds once an editor selects the story, and leaves out the sentences of an article rejected later', async () => {
    const json = JSON.parse(read(work, 'run.json')) as RunJson;
    const story = json.digests![0]!.story;
    expect((await runCliAsync(['mark', story, 'selected', '--db', 'desk.db', '--out', 'out'], work)).status).toBe(0);
    const feed = JSON.parse(read(work, 'feed.json')) as { items: Array<{ content_text: string }> };
    expect(feed.items.map((i) => i.content_text)).toEqual([expect.stringContaining('Public Works Director Marisol Trent said the repairs would cost $1.8 million.')]);
    expect(read(work, 'feed.xml')).not.toContain('Mayor Gideon Ashby said two');
    const courier = json.candidates.find((c) => c.story === story && c.publisher === 'wrenfield-courier')!;
    expect((await runCliAsync(['mark', courier.id, 'rejected', '--db', 'desk.db', '--out', 'out'], work)).status).toBe(0);
    const briefing = read(work, 'briefing.md');
    expect(briefing).toContain('Public Works Director Marisol Trent said the repairs would cost $1.8 million.');
    expect(briefing).not.toContain('Chief engineer Rafael Dunn said');
    expect(briefing).not.toContain('Also reported by Wrenfield Courier');
  });

});

describe('story digests when the model is down', () => {
  it('keeps the extractive digest, says so in the notices, and exits 0', async () => {
    const down = await startFakeModel(() => ({ content: '' }));
    const url = down.url;
    await down.close();
    const work = tempDir('newsdesk-llm-digest-down-');
    const result = await run(work, url);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(read(work, 'run.json')) as RunJson;
    expect(json.digest_sentences).toBeUndefined();
    expect(json.digests).toBeUndefined();
    expect(json.notices.join('\n')).toMatch(/llm: cannot reach .*; 1 story got the extractive digest instead/);
    expect(read(work, 'briefing.md')).toContain(GAZETTE_LEDE);
  });
});
