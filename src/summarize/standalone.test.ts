import { describe, it, expect } from 'vitest';
import { splitSentences } from '../text/sentences.js';
import { assessStandings } from './standalone.js';

// Fictional sentences written for these tests.
function kinds(text: string): string[] {
  return assessStandings(splitSentences(text)).map((s) => s.kind);
}

describe('assessStandings', () => {
  it('makes sentences opening with a pronoun, demonstrative or "But" depend on the one before', () => {
    const text =
      'The harbor council approved the seawall plan on Monday evening. ' +
      'It will close the road for 18 months. ' +
      'This angered the owners of the fish market. ' +
      'But the mayor said the town had no choice.';
    expect(kinds(text)).toEqual(['standalone', 'needs-antecedent', 'needs-antecedent', 'needs-antecedent']);
  });

  it('keeps a bare quotation only after a sentence that names its speaker', () => {
    const named = 'Mayor Ines Okafor defended the vote at the meeting. “We could not wait for another storm.”';
    expect(kinds(named)).toEqual(['standalone', 'needs-antecedent']);
    const unnamed = 'The meeting ran for four hours on Monday night. “We could not wait for another storm.”';
    expect(kinds(unnamed)).toEqual(['standalone', 'excluded']);
  });

  it('ties the rest of a multi-sentence quotation to its opening', () => {
    const named =
      'Ms. Voss runs the Salt Line Cafe on Front Street. “We lost half our customers last summer. ' +
      'Another closure would finish the cafe for good,” Ms. Voss said at the hearing.';
    expect(kinds(named)).toEqual(['standalone', 'needs-antecedent', 'needs-antecedent']);
    const unnamed =
      'The cafe on Front Street has been open since 1994. “We lost half our customers last summer. ' +
      'We cannot survive another closure of the harbor road.”';
    expect(kinds(unnamed)).toEqual(['standalone', 'excluded', 'needs-antecedent']);
  });

  it('makes a quotation attributed to a pronoun depend on the sentence before', () => {
    const text =
      'Mr. Brandt voted against the plan after a long debate. ' +
      '“The summer season pays for the whole year,” he said. ' +
      '“The summer season pays for the whole year,” Mr. Brandt said.';
    expect(kinds(text)).toEqual(['standalone', 'needs-antecedent', 'standalone']);
  });

  it('excludes headings, fragments and credit lines at the end', () => {
    const text =
      'Harbor Road Closes\n' +
      'The council voted 5-2 on Monday to close the harbor road.\n' +
      'Read more.\n' +
      'The repairs will be paid for by a state flood-resilience grant.\n' +
      'Mara Quill contributed reporting.\n' +
      'Tobias Renn reports on coastal towns for The Harbor Ledger.';
    const standings = assessStandings(splitSentences(text));
    expect(standings.map((s) => (s.kind === 'excluded' ? s.reason : s.kind))).toEqual([
      'heading or fragment',
      'standalone',
      'too short',
      'standalone',
      'credit line or author bio',
      'credit line or author bio',
    ]);
  });

  it('does not treat an early sentence about reporting as a credit line', () => {
    const text =
      'Ms. Quill contributed reporting on the seawall to three newspapers last year.\n' +
      'The council voted on Monday.\nThe road closes in May.\nThe work ends in 2027.\nRepairs begin soon.';
    expect(kinds(text)[0]).toBe('standalone');
  });

  it('marks a sentence that leaves a quotation open, so it only enters with its continuation', () => {
    const text =
      'Ms. Voss runs the Salt Line Cafe on Front Street near the harbor. ' +
      '“We lost half our customers last summer when the road was closed. ' +
      'Another closure would finish the cafe for good,” Ms. Voss said at the hearing.';
    const standings = assessStandings(splitSentences(text));
    expect(standings[1]).toMatchObject({ leavesQuotationOpen: true });
    expect(standings[2]).toMatchObject({ kind: 'needs-antecedent' });
    expect(standings[2]).not.toHaveProperty('leavesQuotationOpen');
  });
});
