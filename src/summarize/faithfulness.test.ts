import { describe, expect, it } from 'vitest';
import type { Summary } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { applyEdits, checkFaithfulness, quotesSpeech } from './faithfulness.js';

// Fictional text written for these tests.
const SOURCE =
  'Ines Okafor, the board chair, said the vote would wait a week. ' +
  'She said the engineers needed more time. ' +
  '“We will not rush a decision this size,” she said. ' +
  'The board rated the plan “promising” in its report.';
const S = splitSentences(SOURCE);

function summaryOf(parts: Array<{ i: number; text?: string; edits?: Summary['sentences'][number]['edits'] }>): Summary {
  const sentences = parts.map(({ i, text, edits }) => ({
    text: text ?? S[i]!.text,
    source: [{ sentence: i, start: S[i]!.start, end: S[i]!.end }],
    edits: edits ?? [],
  }));
  return { articleId: 'a', text: sentences.map((s) => s.text).join(' '), sentences, wordCount: 0, method: 'test' };
}

describe('checkFaithfulness', () => {
  it('counts verbatim sentences and accepts a pronoun after its antecedent', () => {
    const counts = checkFaithfulness(SOURCE, summaryOf([{ i: 0 }, { i: 1 }]));
    expect(counts).toMatchObject({ sentences: 2, verbatim: 2, edited: 0, unsupported: 0, unresolvedPronouns: 0 });
  });

  it('flags an opening pronoun whose antecedent is not right before it', () => {
    expect(checkFaithfulness(SOURCE, summaryOf([{ i: 1 }])).unresolvedPronouns).toBe(1);
  });

  it('accepts a recorded pronoun edit and rejects an unrecorded change', () => {
    const edit = { kind: 'pronoun' as const, from: 'She', to: 'Ines Okafor', at: 0 };
    const edited = checkFaithfulness(SOURCE, summaryOf([{ i: 1, text: 'Ines Okafor said the engineers needed more time.', edits: [edit] }]));
    expect(edited).toMatchObject({ edited: 1, unsupported: 0, unresolvedPronouns: 0 });
    const invented = checkFaithfulness(SOURCE, summaryOf([{ i: 1, text: 'Ines Okafor said the engineers needed a year.', edits: [edit] }]));
    expect(invented.unsupported).toBe(1);
    const silent = checkFaithfulness(SOURCE, summaryOf([{ i: 1, text: 'Ines Okafor said the engineers needed more time.' }]));
    expect(silent.unsupported).toBe(1);
  });

  it('flags a quotation whose speaker is only a pronoun, unless the sentence before names them', () => {
    expect(checkFaithfulness(SOURCE, summaryOf([{ i: 2 }])).quotesWithoutSpeaker).toBe(1);
    expect(checkFaithfulness(SOURCE, summaryOf([{ i: 0 }, { i: 1 }, { i: 2 }])).quotesWithoutSpeaker).toBe(1);
    expect(checkFaithfulness(SOURCE, summaryOf([{ i: 0 }, { i: 3 }])).quotesWithoutSpeaker).toBe(0);
  });
});

describe('quotesSpeech', () => {
  it('tells quoted words from a term in scare quotes', () => {
    expect(quotesSpeech('The board rated the plan “promising” in its report.')).toBe(false);
    expect(quotesSpeech('“We will not rush,” she said.')).toBe(true);
  });
});

describe('applyEdits', () => {
  it('reproduces the edited text, and refuses an edit whose `from` is not at its offset', () => {
    expect(applyEdits('He said so.', [{ kind: 'pronoun', from: 'He', to: 'Arne Fessel', at: 0 }])).toBe('Arne Fessel said so.');
    expect(applyEdits('He said so.', [{ kind: 'pronoun', from: 'She', to: 'Ines Okafor', at: 0 }])).toBeUndefined();
  });
});
