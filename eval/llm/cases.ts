// Scripted model answers for the model gate: each case is an article (original fiction in articles/), what a
// model answers (in one of the shapes real servers give), which of its sentences are faulty and how, and what
// it answers when asked to repair. The tests (src/summarize/llm/gate.test.ts) and `npm run eval:llm` use them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How a faulty sentence is wrong. */
export type FaultKind = 'misattributed' | 'both-agreed' | 'invented-quote' | 'wrong-number' | 'wrong-date' | 'negation' | 'invented-person' | 'quote-speaker';

export interface ScriptedSentence {
  text: string;
  /** 1-based article sentences, as the prompt numbers them (the headline is [1]). */
  cites: number[];
  fault?: FaultKind;
}

/** The shape an answer comes in. */
export type AnswerShape = 'json' | 'prose' | 'think-prose' | 'markdown' | 'malformed-json' | 'stream-json' | 'json-refused';

export interface GateCase {
  name: string;
  /** A file in articles/. */
  article: string;
  /** The article's text when it is read from elsewhere (the seed, read in place by the eval). */
  text?: string;
  shape: AnswerShape;
  sentences: ScriptedSentence[];
  /** The rewrite offered for a rejected sentence (matched by text); null or absent: the model gives up. */
  repairs?: Record<string, ScriptedSentence | null>;
  /**
   * Faults today's audit rules are known to miss (they count in the eval, and are not asserted in tests):
   * what the gate would need to catch them is a better auditor, not a different gate.
   */
  hard?: true;
}

/** The articles beside this file, from the sources (vitest) or from dist/ (the compiled eval) alike. */
export function articlesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'eval', 'llm', 'articles');
  }
  throw new Error('eval/llm: cannot find the repository (no package.json above this file)');
}
export const articleText = (name: string): string => readFileSync(join(articlesDir(), name), 'utf8');

const FERRY = 'ferry-fares.txt';
const LIBRARY = 'library-hours.txt';

const F = {
  vote: { text: 'The Harbor Council voted 5 to 2 on Tuesday to raise ferry fares by 40 cents, the first increase since 2019.', cites: [2] },
  fare: { text: 'Transit Director Ines Marlow said the new $3.15 fare takes effect on May 1.', cites: [3] },
  okafor: { text: 'Councilwoman Dana Okafor voted against the increase and said east shore riders would pay the most.', cites: [4] },
  engines: { text: 'Ms. Marlow said the extra revenue would pay for two new engines.', cites: [8] },
  pass: { text: 'Monthly passes will rise by 10 dollars to $85.', cites: [10] },
  study: { text: 'The council agreed to study a discount for students and seniors.', cites: [11] },
  ballot: { text: 'Luis Ferrante plans to gather signatures for a ballot measure to reverse the decision.', cites: [13] },
} satisfies Record<string, ScriptedSentence>;

const L = {
  sundays: { text: 'The Millbrook Public Library will open three branches on Sundays starting in March, director Priya Raman announced.', cites: [2] },
  hours: { text: 'Ms. Raman said the change adds 12 hours of weekly service.', cites: [3] },
  grant: { text: 'A $180,000 grant from the Aldine Foundation pays for two years of staffing.', cites: [4] },
  hale: { text: 'Councilman Victor Hale said the city would look for money to keep the hours after the grant ends.', cites: [6] },
  hires: { text: 'The library will hire six part-time staff members for the new shifts.', cites: [9] },
} satisfies Record<string, ScriptedSentence>;

export const GATE_CASES: GateCase[] = [
  { name: 'faithful paraphrases (JSON)', article: FERRY, shape: 'json', sentences: [F.vote, F.fare, F.okafor, F.engines, F.study] },
  {
    name: 'misattribution, invented quote, wrong number, negation, invented person (JSON)',
    article: FERRY,
    shape: 'json',
    sentences: [
      F.vote,
      { text: 'Mayor Theo Brandt said riders on the east shore would pay the most.', cites: [4], fault: 'misattributed' },
      { text: 'Ms. Marlow said, "This fare is the fairest in the region."', cites: [3], fault: 'invented-quote' },
      { text: 'The ferry service lost $4.2 million last year, the mayor said.', cites: [6], fault: 'wrong-number' },
      { text: 'Mr. Brandt said he would support further increases before 2028.', cites: [12], fault: 'negation' },
      { text: 'Governor Ruth Alden welcomed the decision.', cites: [5], fault: 'invented-person' },
      F.pass,
    ],
    repairs: {
      'The ferry service lost $4.2 million last year, the mayor said.': { text: 'The mayor said the ferry service had lost $2.4 million last year.', cites: [6] },
      'Ms. Marlow said, "This fare is the fairest in the region."': { text: 'Ms. Marlow said, "No fare has ever been fairer."', cites: [3], fault: 'invented-quote' },
    },
  },
  {
    name: '<think> block, then prose with [n] citations',
    article: FERRY,
    shape: 'think-prose',
    sentences: [
      F.vote,
      { text: 'The new fare takes effect on June 1, Ms. Marlow said.', cites: [3], fault: 'wrong-date' },
      { text: 'Both leaders agreed that riders on the east shore would pay the most.', cites: [4, 5], fault: 'both-agreed' },
      F.ballot,
    ],
  },
  {
    name: 'Markdown list after a preamble, a quote given to the wrong speaker',
    article: FERRY,
    shape: 'markdown',
    sentences: [
      F.okafor,
      { text: 'Mr. Brandt said, "Families who depend on the boat every day cannot absorb another cost."', cites: [5], fault: 'quote-speaker' },
      F.engines,
    ],
  },
  {
    name: 'malformed JSON (trailing commas, cut off)',
    article: LIBRARY,
    shape: 'malformed-json',
    sentences: [
      L.sundays,
      L.grant,
      { text: 'The Aldine Foundation gave the library a grant of $810,000.', cites: [4], fault: 'wrong-number' },
      L.hires,
    ],
  },
  {
    name: 'streamed JSON answer',
    article: LIBRARY,
    shape: 'stream-json',
    sentences: [L.hours, { text: 'Councilman Victor Hale said weekend visits had doubled since the branch added Saturday story times.', cites: [7], fault: 'misattributed' }, L.hale],
  },
  {
    name: 'JSON refused by the server, prose answer',
    article: LIBRARY,
    shape: 'json-refused',
    sentences: [L.sundays, L.hale, { text: 'Ms. Raman said, "Sunday hours will pay for themselves."', cites: [5], fault: 'invented-quote' }],
  },
  {
    name: 'faults the audit rules miss today',
    article: FERRY,
    shape: 'json',
    hard: true,
    sentences: [
      F.vote,
      { text: 'Ms. Okafor and Mr. Brandt both praised the council for a responsible decision.', cites: [5], fault: 'both-agreed' },
      { text: 'The engines are expected to cut fuel use by half.', cites: [8], fault: 'wrong-number' },
      { text: 'The council rejected a discount for students and seniors.', cites: [11], fault: 'negation' },
    ],
  },
  {
    name: 'a date and a speaker behind "he" that the audit rules miss today',
    article: LIBRARY,
    shape: 'json',
    hard: true,
    sentences: [
      L.hires,
      { text: 'Applications open on March 3, according to the library.', cites: [10], fault: 'wrong-date' },
      { text: "Ms. Raman said the library's budget was still 8 percent below its 2020 level.", cites: [6], fault: 'misattributed' },
    ],
  },
];

/** The answer text a model in `shape` gives for these sentences. */
export function answerText(shape: AnswerShape, sentences: readonly ScriptedSentence[]): string {
  const json = JSON.stringify({ sentences: sentences.map(({ text, cites }) => ({ text, cites })) });
  const cite = (s: ScriptedSentence): string => (s.cites.length > 0 ? ` [${s.cites.join(', ')}]` : '');
  const prose = sentences.map((s) => `${s.text}${cite(s)}`).join(' ');
  switch (shape) {
    case 'json':
    case 'stream-json':
      return json;
    case 'prose':
    case 'json-refused':
      return prose;
    case 'think-prose':
      return `<think>The user wants a summary. The vote was 5 to 2. Maybe I should mention June? Let me write it.</think>\n${prose}`;
    case 'markdown':
      return `Here is a summary of the article:\n\n## Summary\n\n${sentences.map((s) => `- **${s.text}**${cite(s)}`).join('\n')}`;
    case 'malformed-json':
      return `\`\`\`json\n{"sentences": [${sentences.map(({ text, cites }) => `{"text": ${JSON.stringify(text)}, "cites": [${cites.join(', ')}],},`).join('\n')}`;
  }
}

/** The repair answer for the rejected sentences the gate lists, in the order it lists them. */
export function repairText(gateCase: GateCase, rejected: readonly string[]): string {
  return JSON.stringify({
    sentences: rejected.map((text, i) => {
      const fix = gateCase.repairs?.[text];
      return fix ? { id: i + 1, text: fix.text, cites: fix.cites } : { id: i + 1, text: null };
    }),
  });
}

/** Every faulty text in a case: its drafts and its repairs. */
export function faultyTexts(gateCase: GateCase): Set<string> {
  const repairs = Object.values(gateCase.repairs ?? {}).filter((r): r is ScriptedSentence => r !== null);
  return new Set([...gateCase.sentences, ...repairs].filter((s) => s.fault).map((s) => s.text));
}
