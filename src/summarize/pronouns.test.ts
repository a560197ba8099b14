import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/sentences.js';
import { indexPeople, resolveOpeningPronoun } from './pronouns.js';

// Fictional sentences written for these tests.
function repairOf(text: string, at: number): ReturnType<typeof resolveOpeningPronoun> {
  const sentences = splitSentences(text);
  return resolveOpeningPronoun(sentences[at]!, sentences[at - 1], indexPeople(sentences));
}

describe('resolveOpeningPronoun', () => {
  it('replaces He/She with the full name when the previous sentence names exactly one person', () => {
    const text =
      'The ferry board met on Monday in Port Halley. ' +
      'Ines Okafor, the board chair, said the vote would wait a week. ' +
      'She said the engineers needed more time.';
    expect(repairOf(text, 2)).toEqual({ kind: 'pronoun', from: 'She', to: 'Ines Okafor', at: 0 });
  });

  it('finds the full name given earlier for "Mr. Surname"', () => {
    const text =
      'The two votes against came from Arne Fessel, a retired pilot. ' +
      'Mr. Fessel argued that the wall would cut the town off from the river. ' +
      'He asked for a study of raising the houses instead.';
    expect(repairOf(text, 2)).toEqual({ kind: 'pronoun', from: 'He', to: 'Arne Fessel', at: 0 });
  });

  it('leaves the pronoun alone when two people are named', () => {
    const text =
      'Mr. Fessel and Ms. Oduya voted against the plan on Tuesday night. ' +
      'She said the bond would cost too much.';
    expect(repairOf(text, 1)).toBeUndefined();
  });

  it('leaves the pronoun alone when the honorific says the other gender', () => {
    const text =
      'Lorna Beckett said the river had flooded her kitchen twice. ' +
      'Ms. Beckett said she had replaced her furnace twice. ' +
      'He said the council should act.';
    expect(repairOf(text, 2)).toBeUndefined();
  });

  it('does not take an organization in an appositive for the speaker', () => {
    const text =
      'Oskar Lund, who leads the Vessby Commuters Association, said the buses would be slow. ' +
      'He asked for bus lanes on the highway.';
    expect(repairOf(text, 1)).toEqual({ kind: 'pronoun', from: 'He', to: 'Oskar Lund', at: 0 });
    const firm = 'Analysts at the research firm Vantage Metrics, said to be cautious, cut forecasts. He disagreed.';
    expect(repairOf(firm, 1)).toBeUndefined();
  });

  it('only repairs a sentence that opens with He or She', () => {
    const text = 'Ines Okafor, the board chair, said the vote would wait. They agreed to meet again.';
    expect(repairOf(text, 1)).toBeUndefined();
  });
});
