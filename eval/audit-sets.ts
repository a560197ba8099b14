// The labelled audit sets: the old in-sample cases (the rules were tuned on them) and the held-out set,
// split into a tune half and a test half that was frozen, read while tuning, and then opened for tuning
// (eval/audit/heldout/README.md): every number these sets give is in-sample.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { AuditVerdict } from '../src/model.js';
import { languageArticlesDir, parseArticle } from './text/corpus.js';

/** Compiled to dist/eval/, so the sets are two folders up. */
const CASES_DIR = fileURLToPath(new URL('../../eval/audit/cases/', import.meta.url));
const HELDOUT_DIR = fileURLToPath(new URL('../../eval/audit/heldout/', import.meta.url));
/** The second held-out set: written 2026-12-06 apart from the rules, a test set only (see its README). */
const HELDOUT2_DIR = fileURLToPath(new URL('../../eval/audit/heldout2/', import.meta.url));
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

export function loadAuditSets(): AuditSet[] {
  const old = readdirSync(CASES_DIR).filter((f) => f.endsWith('.yaml')).sort();
  const split = JSON.parse(readFileSync(join(HELDOUT_DIR, 'split.json'), 'utf8')) as Split;
  return [
    { name: 'old set (eval/audit/cases)', note: 'in-sample: rules were tuned on it', cases: old.map((f) => loadAuditCase(CASES_DIR, f)), listMisses: true },
    { name: 'held-out tune half', note: 'rules may be developed on it', cases: split.tune.map((f) => loadAuditCase(HELDOUT_DIR, f)), listMisses: true },
    {
      name: 'held-out test half',
      note: `frozen ${split.frozen}, read three times while tuning, tuned on since ${split.opened}: in-sample`,
      cases: split.test.map((f) => loadAuditCase(HELDOUT_DIR, f)),
      listMisses: true,
    },
    {
      name: 'second held-out set (test)',
      note: 'written 2026-12-06 apart from the rules, never tuned on, misses never listed',
      cases: readdirSync(HELDOUT2_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => loadAuditCase(HELDOUT2_DIR, f)),
      listMisses: false,
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
