import { describe, expect, it } from 'vitest';
import { parseDigestDrafts } from './digest-parse.js';

const A = 'The Orchard Lane school reopened on Monday.';
const B = 'Principal Wen Alcott said 40 pupils returned.';

describe('reading a story digest answer', () => {
  it('reads article letters and sentence numbers, 0-based, dropping ids outside what the prompt showed', () => {
    const answer = JSON.stringify({ sentences: [{ text: A, cites: ['A1', 'B2'] }, { text: B, cites: ['B3', 'C1', 'A9'] }] });
    expect(parseDigestDrafts(answer, [4, 3])).toEqual([
      { text: A, cites: [{ article: 0, sentence: 0 }, { article: 1, sentence: 1 }] },
      { text: B, cites: [{ article: 1, sentence: 2 }] },
    ]);
  });

  it('reads ranges, a bare article letter, one string of ids and ids as objects', () => {
    expect(parseDigestDrafts(JSON.stringify({ sentences: [{ text: A, cites: 'A1-3, B' }] }), [5, 5])[0]!.cites).toEqual([
      { article: 0, sentence: 0 },
      { article: 0, sentence: 1 },
      { article: 0, sentence: 2 },
      { article: 1 },
    ]);
    expect(parseDigestDrafts(JSON.stringify({ sentences: [{ text: B, cites: [{ article: 'B', sentence: 2 }] }] }), [5, 5])[0]!.cites).toEqual([{ article: 1, sentence: 1 }]);
  });

  it('reads prose after a <think> block, with [A1, B2] citations removed from the text', () => {
    expect(parseDigestDrafts(`<think>Which article says 40? [B2]</think>\n${A.replace('.', '')} [A1]. ${B} [B2, A3]`, [4, 4])).toEqual([
      { text: A, cites: [{ article: 0, sentence: 0 }] },
      { text: B, cites: [{ article: 1, sentence: 1 }, { article: 0, sentence: 2 }] },
    ]);
  });

  it('reads a Markdown list after a preamble, and malformed JSON', () => {
    expect(parseDigestDrafts(`Here is the digest:\n\n- **${A}** [A1]\n- ${B} [B2]`, [2, 2]).map((d) => d.text)).toEqual([A, B]);
    expect(parseDigestDrafts(`{"sentences": [{"text": ${JSON.stringify(A)}, "cites": ["A1",],}, {"text": ${JSON.stringify(B)}, "cites": ["B`, [2, 2])).toEqual([
      { text: A, cites: [{ article: 0, sentence: 0 }] },
      { text: B, cites: [] },
    ]);
  });

  it('keeps the id of each rewrite in a repair answer', () => {
    expect(parseDigestDrafts('{"sentences":[{"id":1,"text":null},{"id":2,"text":"Principal Wen Alcott said 40 pupils returned.","cites":["B2"]}]}', [2, 2])).toEqual([
      { id: 2, text: B, cites: [{ article: 1, sentence: 1 }] },
    ]);
  });
});
