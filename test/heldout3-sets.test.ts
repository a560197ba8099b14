// The third held-out audit set (eval/audit/heldout3/) read through the loader the audit eval uses, with the
// counts its README states, and the stats script it shares with heldout2. The auditor does not run here:
// the set is a test set, and nothing may be tuned on it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countBy, expectArticles, expectFaultKinds, readAuditSet } from './helpers/audit-sets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AUDIT_DIR = join(ROOT, 'eval/audit/heldout3');
const HELDOUT2_DIR = join(ROOT, 'eval/audit/heldout2');

/** Capitalized words that start sentences without naming anyone. */
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'According', 'In', 'On', 'From', 'Of', 'By']);

const runStats = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });

/** The fenced block under "## Counts" in a set's README: what its stats script printed. */
const readmeCounts = (dir: string): string => {
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const block = /## Counts[\s\S]*?```\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error(`${dir}/README.md has no fenced counts block under "## Counts"`);
  return block[1]!;
};

describe('audit set heldout3', () => {
  const { files, cases, sentences } = readAuditSet(AUDIT_DIR);

  it('has 40 articles of 200-450 words, one paragraph per line, each with 7-9 summary sentences', () => {
    expect(files).toHaveLength(40);
    expectArticles(cases, { min: 7, max: 9 });
  });

  it('has 327 sentences: 201 supported, 18 unsupported, 36 misattributed, 72 contradicted', () => {
    expect(sentences).toHaveLength(327);
    expect(countBy(sentences, (s) => s.label)).toEqual({ supported: 201, unsupported: 18, misattributed: 36, contradicted: 72 });
  });

  it('has every fault kind nine times, under the label the taxonomy gives it, each with a note', () => {
    const faulty = expectFaultKinds(sentences, 9);
    // Three or four faulty sentences in every article, so no article is all good or all bad.
    for (const c of cases) {
      const n = c.summary.filter((s) => s.label !== 'supported').length;
      expect(n, c.id).toBeGreaterThanOrEqual(3);
      expect(n, c.id).toBeLessThanOrEqual(4);
    }
  });

  it('covers the hard supported kinds', () => {
    expect(countBy(sentences.filter((s) => s.label === 'supported'), (s) => s.kind)).toEqual({
      verbatim: 25,
      paraphrase: 25,
      'pronoun-attribution': 24,
      combined: 25,
      'according-to': 26,
      'social-media': 24,
      'reported-speech': 26,
      compression: 26,
    });
  });

  it('attributes every supported "he said" or "she said" to a person named in the sentence before it', () => {
    for (const c of cases) {
      c.summary.forEach((s, i) => {
        if (s.label !== 'supported' || s.kind !== 'pronoun-attribution') return;
        expect(s.text, `${c.id} [${i + 1}]`).toMatch(/^(He|She) /);
        expect(i, `${c.id} [${i + 1}] has no sentence before it`).toBeGreaterThan(0);
        // A name in the previous sentence: a capitalized word that is not a pronoun or a sentence opener.
        const words = c.summary[i - 1]!.text.split(/\s+/).map((w) => w.replace(/^[“"(]+/, ''));
        expect(words.some((w) => /^[A-Z][a-zà-ÿ]/.test(w) && !SENTENCE_OPENERS.has(w)), `${c.id} [${i + 1}]`).toBe(true);
      });
    }
  });

  it('is a test set only: there is no split to tune on', () => {
    expect(existsSync(join(AUDIT_DIR, 'split.json'))).toBe(false);
  });
});

describe('held-out stats scripts', () => {
  it('print for heldout3 the counts its README states, and exit 0', () => {
    const run = runStats('eval/audit/heldout3/stats.mjs');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readmeCounts(AUDIT_DIR));
  });

  it('print for heldout2 the counts its README states, with or without the folder argument', () => {
    const expected = readmeCounts(HELDOUT2_DIR);
    for (const run of [runStats('eval/audit/heldout2/stats.mjs'), runStats('eval/audit/heldout2/stats.mjs', 'eval/audit/heldout2')]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(expected);
    }
  });

  it('name the file and the problem, and exit non-zero, for a folder with a faulty sentence without a note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heldout-stats-'));
    const [good, faulty] = readAuditSet(AUDIT_DIR).files;
    try {
      copyFileSync(join(AUDIT_DIR, good!), join(dir, '01-good.yaml'));
      const broken = readFileSync(join(AUDIT_DIR, faulty!), 'utf8').replace(/\n    note: [^\n]*/, '');
      writeFileSync(join(dir, '02-broken.yaml'), broken);
      const run = runStats('eval/audit/heldout2/stats.mjs', dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/1 problem\(s\):\n02-broken\.yaml \[\d\]: faulty sentence without note/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
