// The labelled audit sets: the old in-sample cases (the rules were tuned on them); the held-out set, split
// into a tune half and a test half that was frozen, read while tuning, and then opened for tuning
// (eval/audit/heldout/README.md); the second held-out set, a test set until the third was written; and the
// third held-out set, the one test set: never tuned on, its misses never listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AuditVerdict } from '../src/model.js';
import { languageArticlesDir, parseArticle } from './text/corpus.js';

/** Compiled to dist/eval/, so the sets are two folders up. */
const CASES_DIR = fileURLToPath(new URL('../../eval/audit/cases/', import.meta.url));
const HELDOUT_DIR = fileURLToPath(new URL('../../eval/audit/heldout/', import.meta.url));
/** The second held-out set: written 2026-12-06 apart from the rules; a test set until the third was written. */
const HELDOUT2_DIR = fileURLToPath(new URL('../../eval/audit/heldout2/', import.meta.url));
/** The third held-out set: written 2026-12-06 apart from the rules, a test set only (see its README). */
const HELDOUT3_DIR = fileURLToPath(new URL('../../eval/audit/heldout3/', import.meta.url));
const LANGUAGES_DIR = fileURLToPath(new URL('../../eval/audit/languages/', import.meta.url));

export interface AuditCase {
  id: string;
  source: string;
  summary: { text: string; label: AuditVerdict; kind: string }[];
}

export interface AuditSet {
  name: string;
  /** Said beside the set's numbers: how far they can be trusted. */
  note: string;
  cases: AuditCase[];
  /**
   * Whether sentence-level misses may be printed. Never for a frozen test set: reading its misses is how
   * it quietly becomes a tuning set.
   */
  listMisses: boolean;
  /** A test set: left unread by `eval:audit --tune-only`, what to run while changing the rules. */
  test: boolean;
}

interface Split {
  frozen: string;
  /** When the test half stopped being a test: its numbers had been read while tuning, so it became tuning data. */
  opened: string;
  test: string[];
  tune: string[];
}

/** One labelled article (`NN-slug.yaml`) of a set folder, as every audit eval reads it. */
export function loadAuditCase(dir: string, file: string): AuditCase {
  return { id: file.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(dir, file), 'utf8')) as Omit<AuditCase, 'id'>) };
}

/** Every labelled article of a set folder without a split, in file order. */
function setCases(dir: string): AuditCase[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => loadAuditCase(dir, f));
}

export function loadAuditSets(): AuditSet[] {
  const old = readdirSync(CASES_DIR).filter((f) => f.endsWith('.yaml')).sort();
  const split = JSON.parse(readFileSync(join(HELDOUT_DIR, 'split.json'), 'utf8')) as Split;
  return [
    { name: 'old set (eval/audit/cases)', note: 'in-sample: rules were tuned on it', cases: old.map((f) => loadAuditCase(CASES_DIR, f)), listMisses: true, test: false },
    { name: 'held-out tune half', note: 'rules may be developed on it', cases: split.tune.map((f) => loadAuditCase(HELDOUT_DIR, f)), listMisses: true, test: false },
    {
      name: 'held-out test half',
      note: `frozen ${split.frozen}, read three times while tuning, tuned on since ${split.opened}: in-sample`,
      cases: split.test.map((f) => loadAuditCase(HELDOUT_DIR, f)),
      listMisses: true,
      test: false,
    },
    {
      name: 'second held-out set',
      note: 'a test set read twice (aggregates only), opened for tuning 2026-12-06 once the third set was written',
      cases: setCases(HELDOUT2_DIR),
      listMisses: true,
      test: false,
    },
    {
      name: 'third held-out set (test)',
      note: 'written 2026-12-06 apart from the rules, never tuned on, misses never listed',
      cases: setCases(HELDOUT3_DIR),
      listMisses: false,
      test: true,
    },
  ];
}

export interface LanguageAuditSet {
  lang: string;
  cases: AuditCase[];
}

interface LanguageCaseFile {
  article: string;
  summary: AuditCase['summary'];
}

/**
 * The cases per language (eval/audit/languages/<lang>.yaml): summary sentences written in the language of
 * an article of the multilingual set, which is their source.
 */
export function loadLanguageAuditSets(): LanguageAuditSet[] {
  return readdirSync(LANGUAGES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const lang = file.replace(/\.yaml$/, '');
      const entries = parse(readFileSync(join(LANGUAGES_DIR, file), 'utf8')) as LanguageCaseFile[];
      const cases = entries.map((entry) => {
        const article = parseArticle(entry.article, lang, readFileSync(join(languageArticlesDir(), entry.article), 'utf8'));
        return { id: entry.article, source: article.text, summary: entry.summary };
      });
      return { lang, cases };
    });
}
