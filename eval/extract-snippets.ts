// The trafilatura-eval part of `npm run eval:extract`: snippet precision/recall/F1 of newsdesk and of
// plain Readability on linkedom, on the tune half, the test half and all pages, in the same run.
import { decodeHtml, extractArticle, htmlToText } from '../src/extract/index.js';
import type { baselineRunner } from './readability-cases.js';
import { addCounts, loadSnippetCases, NO_COUNTS, scoreSnippets, snippetScore, TRAFILATURA_DIR, type Half, type SnippetCase, type SnippetCounts } from './trafilatura-cases.js';

type Runner = Awaited<ReturnType<typeof baselineRunner>>;
/** A page's address, when its key is one: the set also keys pages as "hard::site-name.html". */
const pageUrl = (url: string): string | undefined => (/^https?:\/\//.test(url) ? url : undefined);

interface SnippetSystem {
  name: string;
  text: (html: string, url: string | undefined) => string;
}

export function snippetSystems(linkedom: Runner): SnippetSystem[] {
  return [
    { name: 'newsdesk', text: (html, url) => extractArticle(html, url).text },
    { name: 'readability+linkedom', text: (html, url) => htmlToText(linkedom(html, url ?? 'http://fakehost/page.html').content) },
  ];
}

const fmt = (x: number): string => x.toFixed(3);

/**
 * Scores every system on the pages of `halves` (both unless tuning) and returns the printed report.
 * `verbose` lists the snippets each system misses or leaks, for tune-half pages only: the test half is
 * judged, never read.
 */
export function snippetReport(systems: SnippetSystem[], halves: readonly Half[], verbose: boolean): string {
  const cases = loadSnippetCases();
  if (cases.length === 0) return `trafilatura-eval skipped: no pages in ${TRAFILATURA_DIR}\n`;
  const chosen = cases.filter((c) => halves.includes(c.half));
  const totals = systems.map(() => ({ tune: NO_COUNTS, test: NO_COUNTS }) as Record<Half, SnippetCounts>);
  const seconds = systems.map(() => 0);
  const details: string[] = [];
  chosen.forEach((page: SnippetCase, p) => {
    const { html } = decodeHtml(page.bytes);
    for (let k = 0; k < systems.length; k++) {
      // A rotating order, as in the Readability table: shared JIT warm-up and a busy minute fall on all.
      const s = (p + k) % systems.length;
      const started = process.hrtime.bigint();
      const text = systems[s]!.text(html, pageUrl(page.url));
      seconds[s]! += Number(process.hrtime.bigint() - started) / 1e9;
      const counts = scoreSnippets(text, page);
      totals[s]![page.half] = addCounts(totals[s]![page.half], counts);
      if (verbose && page.half === 'tune' && s === 0 && (counts.falseNegatives || counts.falsePositives)) {
        const collapsed = text.replace(/\s+/g, ' ');
        const missed = page.with.filter((w) => !collapsed.includes(w.replace(/\s+/g, ' ').trim()));
        const leaked = page.without.filter((w) => collapsed.includes(w.replace(/\s+/g, ' ').trim()));
        details.push(`${page.url} (${text.length} chars)\n${missed.map((m) => `  - missed: ${m.slice(0, 110)}`).join('\n')}${missed.length && leaked.length ? '\n' : ''}${leaked.map((l) => `  + leaked: ${l.slice(0, 110)}`).join('\n')}`);
      }
    }
  });
  const count = (half: Half): number => cases.filter((c) => c.half === half).length;
  const lines = ['| system | half | pages | P | R | F1 | accuracy | pages/s |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  systems.forEach((system, s) => {
    const rows: Array<[string, number, SnippetCounts]> = halves.map((h) => [h, count(h), totals[s]![h]]);
    if (halves.length === 2) rows.push(['all', cases.length, addCounts(totals[s]!.tune, totals[s]!.test)]);
    for (const [half, pages, counts] of rows) {
      const score = snippetScore(counts);
      lines.push(`| ${system.name} | ${half} | ${pages} | ${fmt(score.precision)} | ${fmt(score.recall)} | ${fmt(score.f1)} | ${fmt(score.accuracy)} | ${(chosen.length / seconds[s]!).toFixed(1)} |`);
    }
  });
  const head = `${cases.length} human-labelled pages from ${TRAFILATURA_DIR} (tune ${count('tune')}, test ${count('test')}: eval/trafilatura-split.json); snippet precision/recall/F1 as trafilatura counts them, over all snippets of the half's pages`;
  return `${head}\n\n${lines.join('\n')}\n${details.length ? `\nnewsdesk's misses on the tune half:\n${details.join('\n')}\n` : ''}`;
}
