// `npm run eval:extract`: our extractor against plain @mozilla/readability (as shipped, on jsdom and on
// linkedom), in the same process, over the Readability test pages in ../shared/data/readability/.
// Prints token precision/recall/F1 of the body text against expected.html's text, exact-match rates
// for title, byline, lang, site name and published time, pages/second, and ours minus each baseline;
// then the same body score on our own fixture pages, and trafilatura's snippet scores on the
// human-labelled pages of ../shared/data/trafilatura-eval/ for newsdesk and Readability on linkedom,
// per half of the frozen tune/test split.
// `--tune` runs only newsdesk on the tune half of the snippet set (`--verbose` lists its misses there):
// the loop for changing rules, which never looks at the test half.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml, extractArticle, htmlToText } from '../src/extract/index.js';
import { snippetReport, snippetSystems } from './extract-snippets.js';
import { baselineRunner, CASE_URL, loadCases, READABILITY_DIR, type ReadabilityCase } from './readability-cases.js';
import { fieldMatches, METADATA_FIELDS, metadataValues, tokenScore, type MetadataValues, type TokenScore } from './scoring.js';

interface Prediction {
  text: string;
  metadata: MetadataValues;
}

interface Row {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  matches: Record<string, number>;
  pagesPerSecond: number;
  perCaseF1: number[];
  /** Mean F1 over the pages the reference marks `readerable` (article-like). */
  readerableF1: number;
  /** Byline exact matches over all pages: naming an author where the reference has none counts as a miss. */
  bylineAll: number;
  metadata: MetadataValues[];
}

type System = { name: string; run: (page: ReadabilityCase) => Prediction };

/** Pages each system extracts before timing starts: enough to load and compile the common paths. */
const WARM_UP_PAGES = 3;

/**
 * Runs every system on every page, page by page and in a rotating order, timing each call: a busy
 * minute on a shared machine, or JIT warm-up of the Readability code all systems share, then falls on
 * all of them instead of on whichever ran first. `npm run bench:extract` measures throughput properly.
 */
function runAll(systems: System[], cases: ReadabilityCase[]): { predictions: Prediction[][]; seconds: number[] } {
  const predictions: Prediction[][] = systems.map(() => []);
  const seconds = systems.map(() => 0);
  cases.forEach((page, p) => {
    for (let k = 0; k < systems.length; k++) {
      const s = (p + k) % systems.length;
      const started = process.hrtime.bigint();
      predictions[s]!.push(systems[s]!.run(page));
      seconds[s]! += Number(process.hrtime.bigint() - started) / 1e9;
    }
  });
  return { predictions, seconds };
}

function score(system: System, predictions: Prediction[], seconds: number, cases: ReadabilityCase[], expectedText: string[], expectedMeta: MetadataValues[]): Row {
  const scores = predictions.map((p, i) => tokenScore(p.text, expectedText[i]!));
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const matches: Record<string, number> = {};
  for (const field of METADATA_FIELDS) {
    // Only pages whose reference has a value count: an empty reference means the reference extractor
    // found nothing, not that the page has nothing (a detected language is not an error).
    const judged = predictions.flatMap((p, i) => (hasValue(expectedMeta[i]![field]) ? [fieldMatches(p.metadata, expectedMeta[i]!, field) ? 1 : 0] : []));
    matches[field] = mean(judged);
  }
  return {
    name: system.name,
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    f1: mean(scores.map((s) => s.f1)),
    matches,
    pagesPerSecond: cases.length / seconds,
    perCaseF1: scores.map((s) => s.f1),
    readerableF1: mean(scores.filter((_, i) => cases[i]!.expected.readerable !== false).map((s) => s.f1)),
    bylineAll: mean(predictions.map((p, i) => (fieldMatches(p.metadata, expectedMeta[i]!, 'byline') ? 1 : 0))),
    metadata: predictions.map((p) => p.metadata),
  };
}

const hasValue = (value: string | string[]): boolean => value.length > 0;
const fmt = (x: number): string => x.toFixed(3);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

async function main(): Promise<number> {
  if (process.argv.includes('--tune')) {
    const [ours] = snippetSystems(await baselineRunner('linkedom'));
    process.stdout.write(snippetReport([ours!], ['tune'], process.argv.includes('--verbose')));
    return 0;
  }
  const cases = loadCases();
  if (cases.length === 0) {
    process.stdout.write(`eval:extract skipped: no test pages in ${READABILITY_DIR}\n`);
    return 0;
  }
  const expectedText = cases.map((c) => htmlToText(c.expectedHtml));
  const expectedMeta = cases.map((c) => metadataValues({ ...c.expected, published: c.expected.publishedTime ?? null }));

  const jsdom = await baselineRunner('jsdom');
  const linkedom = await baselineRunner('linkedom');
  const baseline = (name: string, runner: typeof jsdom): System => ({
    name,
    run: (page) => {
      const r = runner(page.source, CASE_URL);
      return { text: htmlToText(r.content), metadata: metadataValues({ ...r, published: r.publishedTime }) };
    },
  });
  const ours: System = {
    name: 'newsdesk',
    run: (page) => {
      const a = extractArticle(page.source, CASE_URL);
      return { text: a.text, metadata: metadataValues({ ...a, published: a.published ?? null }) };
    },
  };
  // Warm-up so module loading and first compilation do not count against whichever system runs first.
  for (const system of [ours, baseline('', jsdom), baseline('', linkedom)]) for (const page of cases.slice(0, WARM_UP_PAGES)) system.run(page);

  const systems = [ours, baseline('readability+jsdom', jsdom), baseline('readability+linkedom', linkedom)];
  const { predictions, seconds } = runAll(systems, cases);
  const rows = systems.map((system, i) => score(system, predictions[i]!, seconds[i]!, cases, expectedText, expectedMeta));

  const header = ['system', 'P', 'R', 'F1', 'F1 readerable', ...METADATA_FIELDS, 'byline (all)', 'pages/s'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    lines.push(`| ${[r.name, fmt(r.precision), fmt(r.recall), fmt(r.f1), fmt(r.readerableF1), ...METADATA_FIELDS.map((f) => fmt(r.matches[f]!)), fmt(r.bylineAll), r.pagesPerSecond.toFixed(1)].join(' | ')} |`);
  }
  const [mine, ...others] = rows as [Row, ...Row[]];
  for (const other of others) {
    const cells = [`Δ vs ${other.name}`, signed(mine.precision - other.precision), signed(mine.recall - other.recall), signed(mine.f1 - other.f1), signed(mine.readerableF1 - other.readerableF1), ...METADATA_FIELDS.map((f) => signed(mine.matches[f]! - other.matches[f]!)), signed(mine.bylineAll - other.bylineAll), `×${(mine.pagesPerSecond / other.pagesPerSecond).toFixed(2)}`];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  process.stdout.write(`${cases.length} pages from ${READABILITY_DIR}\nP/R/F1: mean per-page token precision/recall/F1 of body text vs expected.html; F1 readerable: over the ${cases.filter((c) => c.expected.readerable !== false).length} pages the reference marks readerable (on the others newsdesk reports "no article body found" by design); metadata: exact-match rate over the pages whose expected-metadata.json has a value; byline (all): over every page, a byline where the reference has none counting as a miss (n = ${METADATA_FIELDS.map((f) => `${f} ${expectedMeta.filter((m) => hasValue(m[f])).length}`).join(', ')})\n\n${lines.join('\n')}\n`);
  if (process.argv.includes('--verbose')) {
    const worst = cases.map((c, i) => ({ name: c.name, ours: mine.perCaseF1[i]!, base: others[1]!.perCaseF1[i]! })).sort((a, b) => a.ours - a.base - (b.ours - b.base));
    for (const w of worst.slice(0, 12)) process.stdout.write(`${w.name.padEnd(40)} ours ${fmt(w.ours)} linkedom ${fmt(w.base)}\n`);
    for (const field of METADATA_FIELDS) {
      cases.forEach((c, i) => {
        const values = mine.metadata[i]!;
        if (hasValue(expectedMeta[i]![field]) && !fieldMatches(values, expectedMeta[i]!, field)) process.stdout.write(`${field} ${c.name}: ${JSON.stringify(values[field])} expected ${JSON.stringify(expectedMeta[i]![field])}\n`);
      });
    }
  }
  process.stdout.write(`\n${fixtureTable(ours, jsdom, linkedom)}`);
  process.stdout.write(`\n${snippetReport(snippetSystems(linkedom), ['tune', 'test'], false)}`);
  return 0;
}

/**
 * The same comparison on the original fixture pages in test/fixtures/extract/, whose expected bodies
 * leave out captions, promos, bios and banners (the Readability pages' expected.html keeps them).
 */
function fixtureTable(ours: System, jsdom: Runner, linkedom: Runner): string {
  const root = fileURLToPath(new URL('../../test/fixtures/extract/', import.meta.url));
  const names = readdirSync(root).filter((n) => existsSync(join(root, n, 'expected.json'))).sort();
  const rows = [['newsdesk', (html: string) => ours.run({ source: html } as ReadabilityCase).text], ['readability+jsdom', (html: string) => htmlToText(jsdom(html, CASE_URL).content)], ['readability+linkedom', (html: string) => htmlToText(linkedom(html, CASE_URL).content)]] as const;
  const lines = [`${names.length} original fixture pages (test/fixtures/extract): mean token P/R/F1 of the body`, '', '| system | P | R | F1 | pages it threw on (scored as an empty body) |', '| --- | --- | --- | --- | --- |'];
  for (const [name, run] of rows) {
    const threw: string[] = [];
    const scores = names.map((n) => {
      const { html } = decodeHtml(readFileSync(join(root, n, 'page.html')));
      const expected = (JSON.parse(readFileSync(join(root, n, 'expected.json'), 'utf8')) as { paragraphs: string[] }).paragraphs.join('\n\n');
      let text = '';
      try {
        text = run(html);
      } catch {
        threw.push(n);
      }
      return tokenScore(text, expected);
    });
    const mean = (pick: (s: TokenScore) => number): string => fmt(scores.reduce((a, s) => a + pick(s), 0) / scores.length);
    lines.push(`| ${name} | ${mean((s) => s.precision)} | ${mean((s) => s.recall)} | ${mean((s) => s.f1)} | ${threw.join(', ') || '-'} |`);
  }
  return `${lines.join('\n')}\n`;
}

type Runner = Awaited<ReturnType<typeof baselineRunner>>;

process.exitCode = await main();
