// `newsdesk summarize` on an evaluation article: JSON provenance, pronoun edits, and the length flags.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../../test/helpers/cli.js';
import { loadEvalArticles } from '../../eval/summarize/corpus.js';

// The flood-wall article: at the default length its summary replaces an opening "She" with the mayor's name.
const item = loadEvalArticles().find((a) => a.id.startsWith('01-'))!;

describe('newsdesk summarize', () => {
  const work = tempDir('newsdesk-summarize-');
  const file = join(work, 'flood-wall.txt');
  writeFileSync(file, `${item.title}\n\n${item.text}\n`);

  it('prints every sentence with its source span and edits, which reproduce it from the article', () => {
    const result = runCli(['summarize', file, '--json'], work);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as {
      summary: string;
      sentences: Array<{ text: string; source: Array<{ start: number; end: number }>; edits: Array<{ from: string; to: string; at: number }> }>;
    };
    expect(out.summary).toBe(out.sentences.map((s) => s.text).join(' '));
    // A plain-text file's body is the file after its title line, so offsets index the article text.
    for (const sentence of out.sentences) {
      const span = sentence.source[0]!;
      let text = item.text.slice(span.start, span.end);
      for (const edit of sentence.edits) text = text.slice(0, edit.at) + edit.to + text.slice(edit.at + edit.from.length);
      expect(text).toBe(sentence.text);
    }
    expect(out.sentences.some((s) => s.edits.length > 0)).toBe(true);
  });

  it('keeps to --sentences and refuses a bad value with exit code 2', () => {
    const two = runCli(['summarize', file, '--json', '--sentences', '2'], work);
    expect(two.status, two.stderr).toBe(0);
    expect((JSON.parse(two.stdout) as { sentences: unknown[] }).sentences.length).toBeLessThanOrEqual(2);
    const bad = runCli(['summarize', file, '--sentences', 'many'], work);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--sentences takes a whole number/);
  });
});
