// `newsdesk dedupe <dir|files…>`: groups of copies of one article, with the chosen original and why.
import { printErr, printOut } from './terminal.js';
import { findDuplicates } from '../dedupe/index.js';
import { failureExitCode, parseCommandLine, type Command } from './common.js';
import { articleRef, readCorpus } from './corpus.js';

const HELP = `Usage: newsdesk dedupe <dir|files…> [--json]

Finds copies of one article among the inputs: the same canonical URL (tracking parameters, AMP, www,
fragments removed), identical text, or near-identical text (5-word shingles, MinHash/LSH, Jaccard ≥ 0.4
or one text containing the other). For each group it chooses the original: the publisher a syndication
footer names, the rel=canonical target, a publisher that is not an aggregator, then the earliest.

Options:
  --json       print {articles, groups:[{original, duplicates, reason}]}
  -h, --help   this help

Exit: 0 success; 1 some inputs failed (the rest is still grouped); 2 bad usage, or a refused input (no
such file, over the size cap).
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const { articles, failures } = await readCorpus(positionals, 'dedupe');
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = findDuplicates(articles).map((group) => ({
    original: articleRef(byId.get(group.originalId)!),
    duplicates: group.duplicateIds.map((id) => articleRef(byId.get(id)!)),
    reason: group.reason,
  }));
  if (values.json) {
    printOut(`${JSON.stringify({ articles: articles.length, groups }, null, 2)}\n`);
  } else {
    for (const group of groups) {
      printOut(`${group.original.title} [${group.original.publisher}] (original)\n`);
      for (const copy of group.duplicates) printOut(`  copy: ${copy.title} [${copy.publisher}] ${copy.url}\n`);
      printOut(`  why: ${group.reason}\n\n`);
    }
    const copies = groups.reduce((n, g) => n + g.duplicates.length, 0);
    printErr(`newsdesk dedupe: ${articles.length} articles, ${groups.length} groups, ${copies} copies\n`);
  }
  return failureExitCode(failures);
};
