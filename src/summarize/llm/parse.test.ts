import { describe, expect, it } from 'vitest';
import { parseDrafts } from './parse.js';

const A = 'The ferry board voted 5 to 2 on Tuesday.';
const B = 'The new fare takes effect on May 1.';

describe('reading a model answer', () => {
  it('reads the JSON asked for, turning 1-based citations into sentence indices and dropping those out of range', () => {
    expect(parseDrafts(JSON.stringify({ sentences: [{ text: A, cites: [1, 2] }, { text: B, cites: [3, 99] }] }), 5)).toEqual([
      { text: A, cites: [0, 1] },
      { text: B, cites: [2] },
    ]);
  });

  it('reads JSON in a Markdown fence after a preamble, and a bare array', () => {
    expect(parseDrafts(`Sure! Here it is:\n\`\`\`json\n{"sentences":[{"text":${JSON.stringify(A)},"cites":[1]}]}\n\`\`\``, 3)).toEqual([{ text: A, cites: [0] }]);
    expect(parseDrafts(JSON.stringify([{ sentence: A, citations: '1-2' }]), 3)).toEqual([{ text: A, cites: [0, 1] }]);
  });

  it('never reads a <think> block as part of the answer, closed or cut off', () => {
    expect(parseDrafts(`<think>Maybe the vote was 6 to 1 [2].</think>\n${A} [1]`, 3)).toEqual([{ text: A, cites: [0] }]);
    expect(parseDrafts(`${A} [1]\n<think>and then I would add`, 3)).toEqual([{ text: A, cites: [0] }]);
  });

  it('reads malformed JSON: trailing commas, and text cut off mid-array', () => {
    expect(parseDrafts(`{"sentences": [{"text": ${JSON.stringify(A)}, "cites": [1],},]}`, 3)).toEqual([{ text: A, cites: [0] }]);
    expect(parseDrafts(`{"sentences": [{"text": ${JSON.stringify(A)}, "cites": [1]}, {"text": ${JSON.stringify(B)}, "cites": [2`, 3)).toEqual([
      { text: A, cites: [0] },
      { text: B, cites: [] },
    ]);
  });

  it('reads prose and Markdown: headings, bullets, bold and the preamble go, [n] and (sentences n, m) citations are read', () => {
    const answer = `Here is a summary of the article:\n\n## Summary\n\n- **${A}** [1]\n- ${B.replace('.', '')} (sentences 2, 3).`;
    expect(parseDrafts(answer, 5)).toEqual([
      { text: A, cites: [0] },
      { text: B, cites: [1, 2] },
    ]);
  });

  it('keeps the id of each rewrite in a repair answer, and skips the ones given up (null)', () => {
    expect(parseDrafts('{"sentences":[{"id":1,"text":null},{"id":2,"text":"The fare rises in May.","cites":[2]}]}', 3)).toEqual([{ id: 2, text: 'The fare rises in May.', cites: [1] }]);
  });

  it('gives nothing for an empty answer', () => {
    expect(parseDrafts('', 3)).toEqual([]);
    expect(parseDrafts('<think>hmm</think>', 3)).toEqual([]);
  });
});
