import { describe, expect, it } from 'vitest';
import { auditSummary, summaryBody, tally } from './index.js';
import type { SyncAuditBackend } from './backend.js';

// An original fictional article: every rule is exercised against it.
const SOURCE = `BRAMBLE COVE — The Bramble Cove harbor commission voted 4 to 1 on Thursday to ban cruise ships larger than 3,000 passengers from the harbor starting in May.
Commission chair Lidia Moreno said the harbor could not handle the crowds. “Our piers were built for fishing boats, not floating cities,” Ms. Moreno said.
Tourism director Paul Ekwueme opposed the ban. He said cruise passengers spent about $9 million in town last year.
The commission did not set a limit on smaller ships.`;

function audit(summary: string) {
  return auditSummary('a1', SOURCE, summary).sentences;
}

describe('rule backend', () => {
  it('supports verbatim and paraphrased sentences, with the source sentence as evidence', () => {
    const [verbatim, paraphrase] = audit(
      'Commission chair Lidia Moreno said the harbor could not handle the crowds. Tourism director Paul Ekwueme said cruise passengers spent about $9 million in town last year.',
    );
    expect(verbatim!.verdict).toBe('supported');
    expect(verbatim!.evidence.map((e) => e.sentence)).toEqual([1]);
    expect(paraphrase!.verdict).toBe('supported');
    expect(paraphrase!.evidence.map((e) => SOURCE.slice(e.start, e.end)).join(' ')).toContain('$9 million');
  });

  it('flags a claim moved from one person to another, resolving "he" in the source', () => {
    const [s] = audit('Lidia Moreno said cruise passengers spent about $9 million in town last year.');
    expect(s!.verdict).toBe('misattributed');
    expect(s!.findings).toEqual([{ kind: 'speaker', detail: 'the source credits this to Paul Ekwueme (sentence 5), not Lidia Moreno' }]);
  });

  it('flags a verbatim quote pinned on the wrong speaker, and an invented quote', () => {
    const [wrong, invented] = audit('“Our piers were built for fishing boats, not floating cities,” Mr. Ekwueme said. “Cruise ships are welcome here,” Ms. Moreno said.');
    expect(wrong!.verdict).toBe('misattributed');
    expect(invented!.verdict).toBe('unsupported');
    expect(invented!.findings.map((f) => f.kind)).toContain('quote-not-verbatim');
  });

  it('flags "both said" when one person said it', () => {
    const [s] = audit('Lidia Moreno and Paul Ekwueme both said the harbor could not handle the crowds.');
    expect(s!.verdict).toBe('misattributed');
    expect(s!.findings.map((f) => f.kind)).toEqual(['overgeneralization']);
  });

  it('flags changed numbers, dates, roles and negation as contradicted', () => {
    const [number, date, role, negation] = audit(
      'The commission voted to ban cruise ships larger than 5,000 passengers. The ban on cruise ships starts in June. Tourism director Lidia Moreno said the harbor could not handle the crowds. The commission set a limit on smaller ships.',
    );
    expect([number, date, role, negation].map((s) => s!.verdict)).toEqual(['contradicted', 'contradicted', 'contradicted', 'contradicted']);
    expect(number!.findings.map((f) => f.kind)).toContain('number');
    expect(date!.findings.map((f) => f.kind)).toContain('date');
    expect(role!.findings.map((f) => f.kind)).toContain('role');
    expect(negation!.findings.map((f) => f.kind)).toContain('negation');
  });

  it('calls a claim the article never makes unsupported, and names people it never mentions', () => {
    const [invented, stranger] = audit('The governor will sue the shipping lines over pollution fines. Senator Hugo Varga praised the vote.');
    expect(invented!.verdict).toBe('unsupported');
    expect(invented!.evidence.length).toBeLessThanOrEqual(3);
    expect(stranger!.verdict).not.toBe('supported');
  });

  it('does not take the negation of an antonym for a contradiction', () => {
    const [s] = audit('Paul Ekwueme said he was against the ban.');
    expect(s!.findings.map((f) => f.kind)).not.toContain('speaker');
  });

  it('lets another backend plug in behind the same interface', () => {
    const always: SyncAuditBackend<string> = {
      name: 'always',
      prepare: (text) => text,
      auditSentences: (sentences) => sentences.map((text) => ({ text, verdict: 'unsupported', score: 0, evidence: [], findings: [] })),
    };
    const report = auditSummary('a1', SOURCE, 'One. Two.', always as SyncAuditBackend<unknown>);
    expect(tally(report)).toEqual({ supported: 0, unsupported: 2, misattributed: 0, contradicted: 0 });
  });
});

describe('summaryBody', () => {
  it('takes the Article summary section of a seed-format file and plain text as is', () => {
    expect(summaryBody('---\nurl: x\n---\n## Article summary\nOne. Two.\n## Other\nNo.\n')).toBe('One. Two.');
    expect(summaryBody('Just a sentence.\n')).toBe('Just a sentence.');
  });
});

describe('a group credited with one person’s words', () => {
  // An original fictional article where the group's plural appears only as a possessive.
  const COLLEGE = `DUNMORE — Dunmore College will close its drama department next year, the college said on Friday.
The students' union president, Ada Veltri, said the department was "the heart of this place."
Lecturers were told of the closure at a meeting on Thursday.`;

  it('flags "Students said" when the source has one student leader say it, and reads "students\' union" as the union', () => {
    const [s] = auditSummary('d', COLLEGE, 'Students said the department was "the heart of this place."').sentences;
    expect(s!.verdict).toBe('misattributed');
    expect(s!.findings.map((f) => f.kind)).toEqual(['overgeneralization']);
  });
});
