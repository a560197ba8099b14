// Acceptance case for `newsdesk audit`: the seed summary credits Sheinbaum with Rubio's praise of the 59
// arrests, says "both leaders agreed" to what Rubio alone said, and gives Rubio the foreign minister's
// remark that respecting sovereignty makes cooperation fruitful. Read from ../shared/seeds at run time
// (beside the repository, or beside the folder of work trees when the repository is one of them).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { findShared } from '../../eval/shared-data.js';

const SEEDS = findShared('seeds') ?? join(REPO, '../shared/seeds');
const ARTICLE = join(SEEDS, 'article.txt');
const SUMMARY = join(SEEDS, 'article-summary.md');

interface JsonSentence {
  text: string;
  verdict: string;
  findings: { kind: string }[];
  evidence: { sentence: number; start: number; end: number; text: string }[];
}

describe.skipIf(!existsSync(ARTICLE) || !existsSync(SUMMARY))(
  'newsdesk audit on the seed pair (skipped: ../shared/seeds/article.txt or article-summary.md is absent)',
  () => {
    const result = runCli(['audit', '--source', ARTICLE, '--summary', SUMMARY, '--json'], tempDir('newsdesk-audit-seed-'));
    const json = JSON.parse(result.stdout || '{}') as { sentences: JsonSentence[]; summary: Record<string, number> };
    const sentence = (fragment: RegExp): JsonSentence => {
      const found = json.sentences.filter((s) => fragment.test(s.text));
      expect(found, `one summary sentence matches ${fragment}`).toHaveLength(1);
      return found[0]!;
    };

    it('exits 1 because some sentences are not supported, and audits only the Article summary section', () => {
      expect(result.status, result.stderr).toBe(1);
      expect(json.sentences.length).toBe(11);
      expect(json.sentences.some((s) => /^url:|^---/.test(s.text))).toBe(false);
    });

    it('flags the Sheinbaum/59 arrests sentence as misattributed, with Rubio’s sentence as the evidence', () => {
      const s = sentence(/Sheinbaum highlighted the arrest of 59/);
      expect(s.verdict).toBe('misattributed');
      expect(s.findings.map((f) => f.kind)).toContain('speaker');
      expect(s.evidence.some((e) => /Mr\. Rubio praised Mexico for arresting 59 people/.test(e.text))).toBe(true);
    });

    it('flags "Both leaders agreed … any means" as misattributed by overgeneralization', () => {
      const s = sentence(/^Both leaders agreed .*any means/);
      expect(s.verdict).toBe('misattributed');
      expect(s.findings.map((f) => f.kind)).toContain('overgeneralization');
    });

    it('flags the sovereignty "for fruitful collaboration" clause as de la Fuente’s words, not Rubio’s', () => {
      const s = sentence(/^Rubio praised Mexico's cooperation and noted .*fruitful collaboration/);
      expect(s.verdict).toBe('misattributed');
      const speaker = s.findings.find((f) => f.kind === 'speaker') as { kind: string; detail?: string } | undefined;
      expect(speaker?.detail).toMatch(/noted the importance of respecting each country's sovereignty.*de la Fuente.*not Marco Rubio/);
    });

    it.each([
      ['the joint statement and the high-level group', /joint statement .*high-level group/],
      ['Rubio’s third trip and the boat strike', /third trip to Latin America/],
      ['the weapons-flow request', /flow of weapons/],
    ])('marks the sentence about %s as supported', (_, fragment) => {
      expect(sentence(fragment).verdict).toBe('supported');
    });

    it('gives evidence offsets that point at the quoted source text', () => {
      for (const s of json.sentences) for (const e of s.evidence) expect(e.end - e.start).toBe(e.text.length);
    });
  },
);
