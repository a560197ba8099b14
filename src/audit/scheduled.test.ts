import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// An original fictional article: a vote to come, a sentencing to come, and a closure that has ended.
const SOURCE = `KESTERBY — The Kesterby planning committee on Tuesday recommended a plan for 300 homes on the old gasworks site.
The final vote will be taken by the full council on February 11. Councillor Imogen Rathe said the site had been empty for twenty years.
A court convicted the site's former owner, Osric Pellow, of dumping waste there. Judge Aldith Morrow released him on bail until sentencing on March 4.
The gasworks road was closed until January 30 while contractors removed the old tanks.`;

function audit(summary: string) {
  return auditSummary('k', SOURCE, summary).sentences.map((s) => ({ verdict: s.verdict, findings: s.findings.map((f) => `${f.kind}: ${f.detail}`) }));
}

describe('scheduled events reported as done', () => {
  it('flags a vote the source announces for a date as taken on it, naming both clauses', () => {
    const [s] = audit('The full council approved the plan for 300 homes on February 11.');
    expect(s!.verdict).toBe('contradicted');
    expect(s!.findings).toEqual([
      'modality: the source says “The final vote will be taken by the full council on February 11” (sentence 2), still to come; the summary says “The full council approved the plan for 300 homes on February 11”, done',
    ]);
  });

  it('reads "until" before an event as announcing it', () => {
    const [s] = audit('Judge Aldith Morrow sent Mr. Pellow to prison on March 4.');
    expect(s!.findings.some((f) => f.startsWith('modality:'))).toBe(true);
  });

  it('leaves alone the same event still to come, and a state that ended on a date', () => {
    expect(audit('The full council will vote on the plan on February 11.')[0]!.findings.filter((f) => f.startsWith('modality:'))).toEqual([]);
    expect(audit('The gasworks road reopened on January 30.')[0]!.findings.filter((f) => f.startsWith('modality:'))).toEqual([]);
  });
});
