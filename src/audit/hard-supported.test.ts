import { describe, expect, it } from 'vitest';
import { auditSummary } from './index.js';

// An original fictional article for the hard supported cases.
const SOURCE = `MERRIVALE — The Merrivale town council on Monday approved a plan to close the old fire station on Dock Road and build a new one near the ring road by 2029.
Council leader Hanna Torvik said the old building was too small for modern engines. “We have put this off for ten years,” she said.
Fire chief Oskar Brandvold said response times in the east of the town would improve by about two minutes.
In a post on social media, opposition councillor Petra Lund wrote that the council had ignored residents of the harbour district.
The new station will cost 14 million crowns, according to the council's budget papers.
Mr. Brandvold said crews would move into the new building in the spring of 2029. He added that the old station would be sold.`;

function verdicts(summary: string) {
  return auditSummary('m', SOURCE, summary).sentences.map((s) => [s.verdict, s.findings.map((f) => f.kind).join(',')]);
}

describe('hard supported sentences', () => {
  it.each([
    ['social media', 'Councillor Petra Lund wrote on social media that the council had ignored residents of the harbour district.'],
    ['a post', 'Petra Lund posted that the council had ignored the harbour district’s residents.'],
    ['according to', 'According to fire chief Oskar Brandvold, response times in the east of the town would improve by about two minutes.'],
    ['according to a document', 'The new station will cost 14 million crowns, according to budget papers.'],
    ['combined', 'The council approved closing the old fire station on Dock Road, which council leader Hanna Torvik said was too small for modern engines.'],
    ['combined speakers', 'Hanna Torvik said the old building was too small, and fire chief Oskar Brandvold said response times would improve by about two minutes.'],
    ['reported speech', 'Ms. Torvik said the council had put the decision off for ten years.'],
    ['pronoun', 'Oskar Brandvold said crews would move into the new station in 2029. He said the old station would be sold.'],
  ])('keeps %s supported', (_, summary) => {
    for (const v of verdicts(summary)) expect(v).toEqual(['supported', '']);
  });
});

// A second original fictional article, for the checks that read links, places, titles and groups.
const HARBOUR = `SALTMERE — The Saltmere ferry to Orrin Island resumed on Friday, two days after a storm damaged the pier at Orrin.
Port director Lise Arnhem said repairs had cost about 200,000 crowns. Her deputy, Tomas Vik, said the timetable would return to normal on Monday.
Ferry workers said they had worked through the night to fix the ramp. One of them, Karl Emmet, said the crossing had been “rough but safe.”
The island's shop owners, who lost three days of deliveries, asked the council for help. The council said it would consider their request.
Ms. Arnhem said the port plans to build a storm wall at Orrin next year, because the old one was too low.`;

function harbour(summary: string) {
  return auditSummary('h', HARBOUR, summary).sentences.map((s) => [s.verdict, s.findings.map((f) => f.kind).join(',')]);
}

describe('hard supported sentences: links, places, titles, groups and hedges', () => {
  it.each([
    ['a link the source makes', 'The ferry resumed on Friday after a storm damaged the pier at Orrin.'],
    ['a cause the source gives', 'The port plans a storm wall at Orrin because the old one was too low, Ms. Arnhem said.'],
    ['the place the source names', 'A storm damaged the pier at Orrin.'],
    ['a deputy kept a deputy', 'Deputy port director Tomas Vik said the timetable would return to normal on Monday.'],
    ['the title from an apposition', 'Lise Arnhem, the port director, said repairs cost about 200,000 crowns.'],
    ['a group the source names', 'Ferry workers said they had worked through the night to fix the ramp.'],
    ['a hedge kept', 'The council said it would consider a request for help from the island’s shop owners.'],
    ['a plan kept a plan', 'The port plans to build a storm wall at Orrin next year.'],
  ])('keeps %s supported', (_, summary) => {
    for (const v of harbour(summary)) expect(v).toEqual(['supported', '']);
  });

  it.each([
    ['a link the source does not make', 'The ferry resumed on Friday because the council agreed to help the shop owners.', 'unsupported', 'discourse'],
    ['another place', 'A storm damaged the pier at Saltmere.', 'contradicted', 'place'],
    ['a deputy made the head', 'Port director Tomas Vik said the timetable would return to normal on Monday.', 'contradicted', 'role'],
    ['one worker’s words given to the workers', 'Ferry workers said the crossing had been rough but safe.', 'misattributed', 'overgeneralization'],
    ['a hedge dropped', 'Ms. Arnhem said the port will build a storm wall at Orrin next year.', 'contradicted', 'modality'],
    ['a plan made a deed', 'The port has built a storm wall at Orrin.', 'contradicted', 'modality'],
  ])('flags %s', (_, summary, verdict, kind) => {
    const [v] = harbour(summary);
    expect(v![0]).toBe(verdict);
    expect(v![1]).toContain(kind);
  });
});

describe('dates', () => {
  const MEETING = `HOLLOWAY — The Holloway council will vote on the budget at its meeting on November 18, the council leader, Mira Oakes, said on Monday.`;
  it('flags a changed day of the month as a date, naming both dates, and keeps the same date written otherwise', () => {
    const [changed, same] = auditSummary('d', MEETING, 'The council will vote on the budget on November 8. The council will vote on the budget on 18 November.').sentences;
    expect(changed!.verdict).toBe('contradicted');
    expect(changed!.findings).toEqual([{ kind: 'date', detail: 'the summary says November 8 where the source says November 18 (sentence 1)' }]);
    expect(same!.verdict).toBe('supported');
  });
});

// A third original fictional article: an institution that speaks, and a negation stated in a sentence of its own.
const SURVEY = `LOWMARSH — The Fernhollow Observatory said on Tuesday that its new telescope had found a comet that will pass Earth in March.
Astronomer Maren Oystad, who spotted it, said the comet would be visible without binoculars for about a week. She said she had checked the images three times before telling anyone.
The observatory's director, Ivo Kettering, said the telescope had cost 2 million crowns and had been paid for by private donors. No donors were named in the annual accounts, he said.
The observatory will cut eight jobs over the next two years to close a budget gap of 300,000 crowns.`;

function survey(summary: string) {
  return auditSummary('s', SURVEY, summary).sentences.map((s) => [s.verdict, s.findings.map((f) => f.kind).join(',')]);
}

describe('hard supported sentences: institutions and combined negations', () => {
  it('never takes an institution that spoke for the "she" of the next sentence', () => {
    const summary = 'Fernhollow Observatory said its new telescope had found a comet. She said she had checked the images three times before telling anyone.';
    expect(survey(summary)).toEqual([
      ['supported', ''],
      ['supported', ''],
    ]);
  });

  it('takes a negation from the evidence sentence that states it', () => {
    expect(survey('Ivo Kettering said the telescope had cost 2 million crowns, paid for by private donors, though no donors were named in the annual accounts.')).toEqual([['supported', '']]);
  });

  it('reads "over the next two years to close a gap" as a purpose, not as time allowed', () => {
    expect(survey('The observatory will cut eight jobs to close a budget gap of 300,000 crowns.')).toEqual([['supported', '']]);
  });

  it('keeps a word the source writes with the same neighbour elsewhere ("the first qualifier" beside "the second seed")', () => {
    const chess = `TARNWICK — Ilsa Brenner, a 16-year-old qualifier, won the Tarnwick Chess Open on Sunday, beating the second seed, Oren Falk, in the final round.
Brenner is the youngest winner of the tournament and the first qualifier to win it.`;
    const [s] = auditSummary('c', chess, 'The first qualifier to win the tournament, Brenner beat Oren Falk in the final round.').sentences;
    expect([s!.verdict, s!.findings]).toEqual(['supported', []]);
  });

  it('reads an apposition before a title as the person\'s title too ("The trust\'s chair, Councillor …")', () => {
    const parks = `HOLLINS — The parks trust's chair, Councillor Bettany Orme, said the trust would plant 400 trees this winter.
Its treasurer, Giles Penhallow, said the trees had been paid for by a local firm.`;
    expect(auditSummary('p', parks, 'Trust chair Bettany Orme said the trust would plant 400 trees this winter.').sentences.map((x) => [x.verdict, x.findings.map((f) => f.kind)])).toEqual([['supported', []]]);
    expect(auditSummary('p', parks, 'Trust treasurer Bettany Orme said the trust would plant 400 trees this winter.').sentences[0]!.findings.map((f) => f.kind)).toContain('role');
  });

  it('reads "lagged behind" and "fell short of" as the negations they are', () => {
    const pay = `CORLISS — Nurses' pay at Corliss General Hospital has not kept pace with prices since 2021, the nurses' association said on Friday.
The hospital did not meet its target of hiring 60 nurses this year, its director, Amara Quist, said.`;
    const read = (summary: string) => auditSummary('n', pay, summary).sentences.map((x) => [x.verdict, x.findings.map((f) => f.kind).join(',')]);
    expect(read("Nurses' pay at Corliss General Hospital has lagged behind prices since 2021, the nurses' association said.")).toEqual([['supported', '']]);
    expect(read('Director Amara Quist said the hospital fell short of its target of hiring 60 nurses this year.')).toEqual([['supported', '']]);
    const rose = `CORLISS — Nurses' pay at Corliss General Hospital has kept pace with prices since 2021, the nurses' association said on Friday.`;
    expect(auditSummary('r', rose, "Nurses' pay at Corliss General Hospital has lagged behind prices since 2021.").sentences[0]!.verdict).toBe('contradicted');
  });

  it('still flags a negation no source sentence states', () => {
    expect(survey('Ivo Kettering said the telescope had cost 2 million crowns and had not been paid for by private donors.')[0]![0]).toBe('contradicted');
  });
});
