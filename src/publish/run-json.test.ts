import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../model.js';
import { summarizeArticle } from '../summarize/index.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { runJson, runJsonChunks } from './index.js';
import { writeChunksIfChanged } from './files.js';

// Original fictional articles: two of one story, one copy, one alone.
const a = makeArticle({ id: 'a', title: 'Quarry road closes for repairs', url: 'https://www.harborgazette.com/quarry', text: 'The Quarry Road bridge closed on Monday for six weeks of repairs, the county said.\n\n“It is overdue,” said engineer Pia Lund.' });
const b = makeArticle({ id: 'b', title: 'Six-week closure for Quarry Road bridge', publisher: 'valleyledger', text: 'Drivers face a six-week detour while the Quarry Road bridge is repaired, county engineer Pia Lund said.' });
const c = makeArticle({ id: 'c', title: 'Quarry road closes for repairs', publisher: 'islandwire', text: a.text, syndicatedFrom: 'Harbor Gazette' });
const result: RunResult = {
  articles: [a, b, c],
  duplicates: [{ originalId: 'a', duplicateIds: ['c'], reason: 'identical text' }],
  stories: [{ id: 's-1', label: a.title, articleIds: ['a', 'b', 'c'], publishers: ['harborgazette', 'valleyledger'] }],
  summaries: [a, b, c].map((x) => summarizeArticle(x)),
  audits: [],
  candidates: [
    { articleId: 'a', storyId: 's-1', score: 2, components: [], initialRank: 1, rank: 1, usage: 'candidate' },
    { articleId: 'b', storyId: 's-1', score: 1.5, components: [], initialRank: 2, rank: 2, usage: 'selected' },
    { articleId: 'c', storyId: 's-1', score: 1, components: [], initialRank: 3, rank: 3, usage: 'duplicate', duplicateOf: 'a' },
  ],
  failures: [{ path: '/in/empty.txt', reason: 'file is empty' }],
  notices: ['a notice with "quotes" and a\nnewline'],
};
const files = new Map([['a', 'articles/a.md'], ['b', 'articles/b.md'], ['c', 'articles/c.md']]);

describe('run.json', () => {
  it('streams exactly the text of the whole document', () => {
    const streamed = [...runJsonChunks(result, files, '2026-11-23T08:00:00.000Z')].join('');
    expect(streamed).toBe(`${JSON.stringify(runJson(result, files, '2026-11-23T08:00:00.000Z'))}\n`);
    expect(JSON.parse(streamed).candidates.map((x: { id: string }) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('streams a valid document for a run without candidates', () => {
    const empty = { ...result, articles: [], candidates: [], stories: [], duplicates: [], summaries: [] };
    expect(JSON.parse([...runJsonChunks(empty, new Map(), 'x')].join('')).candidates).toEqual([]);
  });

  it('replaces the file only when its content changed', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-runjson-')), 'out', 'run.json');
    expect(writeChunksIfChanged(path, () => runJsonChunks(result, files, 't1'))).toBe(true);
    expect(writeChunksIfChanged(path, () => runJsonChunks(result, files, 't1'))).toBe(false);
    expect(writeChunksIfChanged(path, () => runJsonChunks(result, files, 't2'))).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).generated_at).toBe('t2');
  });
});
