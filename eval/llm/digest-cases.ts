// Scripted model answers for story digests: a story (original fiction in stories/, one file per publisher),
// what a model answers for its digest (in one of the shapes real servers give), which sentences are faulty
// and how, and what it answers when asked to repair. Citations are written by publisher and sentence number,
// and turned into the letters the prompt gave the articles when the answer is made, since the letters follow
// the run's ranking. The tests (src/summarize/llm/digest.test.ts, test/e2e/llm-digest.test.ts) and
// eval:summarize use them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultKind } from './cases.js';
import { articlesDir } from './cases.js';
import { promptOf, type FakeRequest } from './fake-server.js';
import { rejectedIn } from './run-case.js';

export interface ScriptedDigestSentence {
  text: string;
  /** Publisher name and 1-based sentence number of each article sentence cited. */
  cites: Array<[publisher: string, sentence: number]>;
  fault?: FaultKind;
}

/** The shape a digest answer comes in: the JSON asked for, or prose with [A1] citations after a <think> block. */
export type DigestShape = 'json' | 'think-prose' | 'markdown';

export interface DigestCase {
  name: string;
  /** A folder in stories/. */
  story: string;
  shape: DigestShape;
  sentences: ScriptedDigestSentence[];
  /** The rewrite offered for a rejected sentence (matched by text); null or absent: the model gives up. */
  repairs?: Record<string, ScriptedDigestSentence | null>;
}

const KESTREL = 'kestrel-bridge';
const GAZETTE = 'Harbor Gazette';
const COURIER = 'Wrenfield Courier';

const K = {
  closure: { text: 'Port Wrenfield will close the Kestrel Street Bridge to all traffic for six weeks from March 3 to repair corroded steel supports.', cites: [[GAZETTE, 1], [COURIER, 1]] },
  cost: { text: "Public Works Director Marisol Trent said the $1.8 million repairs would be paid for from the city's road fund.", cites: [[GAZETTE, 3]] },
  dunn: { text: 'Chief engineer Rafael Dunn said two steel supports under the eastern span had lost nearly a third of their thickness.', cites: [[COURIER, 2]] },
  detour: { text: 'Drivers will be sent over the Alder Avenue crossing, about a mile to the north.', cites: [[GAZETTE, 5]] },
  shifts: { text: 'Contractor Halvorsen Steel will work in two shifts to finish on time, Mr. Dunn said.', cites: [[COURIER, 4]] },
} satisfies Record<string, ScriptedDigestSentence>;

export const DIGEST_CASES: DigestCase[] = [
  { name: 'a faithful digest (JSON)', story: KESTREL, shape: 'json', sentences: [K.closure, K.cost, K.dunn, K.detour] },
  {
    name: "a claim given to the other article's speaker, and a wrong number (JSON)",
    story: KESTREL,
    shape: 'json',
    sentences: [
      K.closure,
      { text: 'Mayor Gideon Ashby said two steel supports under the eastern span had lost nearly a third of their thickness.', cites: [[COURIER, 2]], fault: 'misattributed' },
      { text: 'The repairs will cost $8.1 million, Public Works Director Marisol Trent said.', cites: [[GAZETTE, 3]], fault: 'wrong-number' },
      K.detour,
    ],
    repairs: {
      'The repairs will cost $8.1 million, Public Works Director Marisol Trent said.': { text: 'Public Works Director Marisol Trent said the repairs would cost $1.8 million.', cites: [[GAZETTE, 3]] },
    },
  },
  {
    name: 'JSON ignored: a <think> block, then prose with [A1] citations',
    story: KESTREL,
    shape: 'think-prose',
    sentences: [K.closure, K.shifts, { text: 'The bridge will stay closed for eight weeks, Mr. Dunn said.', cites: [[COURIER, 1]], fault: 'wrong-number' }],
  },
  {
    name: 'Markdown list after a preamble, a quote given to the wrong speaker',
    story: KESTREL,
    shape: 'markdown',
    sentences: [
      K.dunn,
      { text: 'Mayor Gideon Ashby said, "The bridge is safe today, but it will not stay safe without this work."', cites: [[COURIER, 3]], fault: 'quote-speaker' },
      K.detour,
    ],
  },
];

/** The files of a story's articles, one per publisher. */
export function storyFiles(story: string): string[] {
  const dir = join(articlesDir(), '..', 'stories', story);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** Publisher name → the letter the prompt gave that publisher's article ("Article A (Harbor Gazette): …"). */
export function lettersIn(prompt: string): Map<string, string> {
  return new Map([...prompt.matchAll(/^Article ([A-Z]) \((.*)\): /gm)].map((m) => [m[2]!, m[1]!]));
}

/** True for a request for a story digest (or its repair), as against an article summary's. */
export function isDigestRequest(request: FakeRequest): boolean {
  return /^Article A \(/m.test(promptOf(request));
}

/** True for a digest's repair request. */
export function isDigestRepair(request: FakeRequest): boolean {
  return /rejected these digest sentences/.test(promptOf(request));
}

/** The answer a model in `shape` gives for these sentences, their citations lettered as `prompt` letters the articles. */
export function digestAnswerText(shape: DigestShape, sentences: readonly ScriptedDigestSentence[], prompt: string): string {
  const letters = lettersIn(prompt);
  const ids = (s: ScriptedDigestSentence): string[] => s.cites.map(([publisher, n]) => `${letters.get(publisher) ?? '?'}${n}`);
  switch (shape) {
    case 'json':
      return JSON.stringify({ sentences: sentences.map((s) => ({ text: s.text, cites: ids(s) })) });
    case 'think-prose':
      return `<think>Two articles. The closure is six weeks, maybe longer. Let me write it.</think>\n${sentences.map((s) => `${s.text} [${ids(s).join(', ')}]`).join(' ')}`;
    case 'markdown':
      return `Here is a digest of the story:\n\n## Digest\n\n${sentences.map((s) => `- **${s.text}** [${ids(s).join(', ')}]`).join('\n')}`;
  }
}

/** The repair answer for the rejected sentences the gate lists (`1. "…"`), in the order it lists them. */
export function digestRepairText(digestCase: DigestCase, prompt: string): string {
  const letters = lettersIn(prompt);
  return JSON.stringify({
    sentences: rejectedIn(prompt).map((text, i) => {
      const fix = digestCase.repairs?.[text];
      return fix ? { id: i + 1, text: fix.text, cites: fix.cites.map(([publisher, n]) => `${letters.get(publisher) ?? '?'}${n}`) } : { id: i + 1, text: null };
    }),
  });
}

/** Every faulty text in a case: its drafts and its repairs. */
export function faultyDigestTexts(digestCase: DigestCase): Set<string> {
  const repairs = Object.values(digestCase.repairs ?? {}).filter((r): r is ScriptedDigestSentence => r !== null);
  return new Set([...digestCase.sentences, ...repairs].filter((s) => s.fault).map((s) => s.text));
}
