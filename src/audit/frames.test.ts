import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// An original fictional article for the checks of who did what to whom, with what certainty, where and when.
const SOURCE = `BRAVIK — The Bravik harbour board voted on Tuesday to close the old ferry terminal on Quay Road next year and may build a new one at Solvik, 12 kilometres to the north.
The board's deputy chair, Ingrid Mørk, said the old terminal had not been repaired since 2011. Its chairman, Halvor Tan, did not say how many jobs would move.
The ferry operator, Nordlys Lines, said it would keep its timetable unchanged until the move. “We will not cancel a single crossing,” its managing director, Petra Aune, said.
One ferry worker, who asked not to be named, said staff had learned of the vote from a radio report.
The health minister, Johan Berg, visited the terminal on Monday. He said the government would pay for a new waiting room.
A spokesman for the port police, Ole Rask, said a ferry from Solvik had been delayed by fog.
The vote was 5 to 2.`;

function audit(summary: string) {
  return auditSummary('bravik', SOURCE, summary).sentences.map((s) => ({ verdict: s.verdict, kinds: s.findings.map((f) => f.kind), details: s.findings.map((f) => f.detail) }));
}

describe('supported sentences the new checks must leave alone', () => {
  it.each([
    ['a pronoun after an apposition introduces its subject', 'The health minister, Johan Berg, visited the terminal on Monday. He said the government would pay for a new waiting room.'],
    ['a combined sentence with a clause of its own subject', 'Petra Aune said the operator would not cancel a single crossing, and the board voted 5 to 2 to close the terminal.'],
    ['a hedge kept', 'The board may build a new terminal at Solvik, 12 kilometres to the north.'],
    ['a lack for a negation', 'Ingrid Mørk said the old terminal had gone without repairs since 2011.'],
    ['an organization is not a person', 'The ferry operator, Nordlys Lines, said it would keep its timetable unchanged until the move.'],
  ])('%s', (_, summary) => {
    for (const s of audit(summary)) expect(s).toEqual({ verdict: 'supported', kinds: [], details: [] });
  });
});

describe('faults found by who did what to whom', () => {
  it('finds a dropped negation in a further evidence sentence and names its words', () => {
    const [s] = audit('Deputy chair Ingrid Mørk said the old terminal had been repaired in 2011.');
    expect(s!.verdict).toBe('contradicted');
    expect(s!.kinds).toContain('negation');
    expect(s!.details.join(' ')).toMatch(/not .*repaired.*sentence 2/);
  });

  it('calls a number the source says was not given unsupported, naming the sentence that withholds it', () => {
    const [s] = audit('Halvor Tan said about 40 jobs would move to Solvik.');
    expect(s!.verdict).toBe('unsupported');
    expect(s!.kinds).toContain('withheld');
    expect(s!.details.join(' ')).toMatch(/not say .*jobs.*sentence 3/);
  });

  it('finds an opposite direction beside the words both share', () => {
    const [s] = audit('The board may build a new terminal at Solvik, 12 kilometres to the south.');
    expect(s!.verdict).toBe('contradicted');
    expect(s!.details.join(' ')).toContain('“south” where the source says “north”');
  });

  it('finds a name put in another person’s place and names both', () => {
    const [s] = audit('A spokesman for the port police, Ole Rask, said a ferry from Bravik had been delayed by fog.');
    expect(s!.verdict).not.toBe('supported');
    const [person] = audit('The ferry operator, Nordlys Lines, said its managing director, Ingrid Mørk, had promised not to cancel a single crossing.');
    expect(person!.verdict).not.toBe('supported');
  });

  it('finds a modal’s reach over its object: "may build a new one at Solvik" is not "will build"', () => {
    const [s] = audit('The board will build a new ferry terminal at Solvik.');
    expect(s!.verdict).toBe('contradicted');
    expect(s!.kinds).toContain('modality');
  });

  it('finds one unnamed person’s words given to a group', () => {
    const [s] = audit('Ferry workers said staff had learned of the vote from a radio report.');
    expect(s!.verdict).toBe('misattributed');
    expect(s!.details.join(' ')).toContain('only “one ferry worker”');
  });

  it('finds a rank dropped from a title and a description that fits nobody the evidence names', () => {
    const [dropped, described] = audit(
      'Ingrid Mørk, chair of the harbour board, said the old terminal had not been repaired since 2011. The board’s chair said the old terminal had not been repaired since 2011.',
    );
    expect(dropped!.verdict).toBe('contradicted');
    expect(dropped!.kinds).toContain('role');
    expect(described!.verdict).toBe('contradicted');
    expect(described!.details.join(' ')).toContain('Ingrid Mørk');
  });

  it('finds a changed relative date', () => {
    const [s] = audit('The board voted to close the old ferry terminal on Quay Road this year.');
    expect(s!.verdict).toBe('contradicted');
    expect(s!.details.join(' ')).toContain('the summary says this year where the source says next year');
  });

  it('finds a clause the source nowhere states, even when the rest is its words', () => {
    const [s] = audit('The board voted 5 to 2 to close the old terminal, which fishermen had used as a warehouse for decades.');
    expect(s!.verdict).toBe('unsupported');
    expect(s!.kinds).toContain('unsupported-clause');
  });
});
