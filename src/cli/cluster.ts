// `newsdesk cluster <dir|files…>`: stories across publishers, with why each article joined its story.
import { clusterStories } from '../cluster/index.js';
import { findDuplicates } from '../dedupe/index.js';
import { loadConfig } from '../config.js';
import { parseCommandLine, withConfigErrors, type Command } from './common.js';
import { articleRef, readCorpus } from './corpus.js';

const HELP = `Usage: newsdesk cluster <dir|files…> [--json] [--config FILE]

Groups the inputs into stories: copies first join their original (see "newsdesk dedupe"), then the
articles, in publication order, join the open story whose centroid (TF-IDF over title, lead and names)
is most similar, or found a new one. A story closes when nothing joined it for cluster.windowHours.

Options:
  --json          print {stories:[{id, label, first_seen, original_reporter, publishers,
                  articles:[{id, url, title, publisher, similarity, reason, shared}]}]}
  --config FILE   YAML or JSON config file (keys cluster.similarity, cluster.windowHours)
  -h, --help      this help

Exit: 0 success, 1 some inputs failed (the rest is still clustered), 2 bad usage or configuration.
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' }, config: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const config = withConfigErrors(() => loadConfig(values.config ? { file: values.config } : {}));
  const { articles, failures } = await readCorpus(positionals, 'cluster');
  const byId = new Map(articles.map((a) => [a.id, a]));
  const duplicates = findDuplicates(articles);
  const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
  const stories = clusterStories(
    articles.filter((a) => !copies.has(a.id)),
    new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])),
    config.cluster,
  ).sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
  const json = stories.map((story) => ({
    id: story.id,
    label: story.label,
    first_seen: story.firstSeen ?? null,
    original_reporter: story.originalReporter ?? null,
    publishers: story.publishers,
    articles: (story.members ?? []).map((m) => ({
      ...articleRef(byId.get(m.articleId)!),
      similarity: m.similarity,
      reason: m.reason,
      shared: m.shared,
    })),
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ stories: json }, null, 2)}\n`);
  } else {
    for (const story of json) {
      process.stdout.write(`${story.label}  (${story.id}, ${story.articles.length} articles, first: ${story.original_reporter ?? 'unknown'})\n`);
      for (const a of story.articles) process.stdout.write(`  ${a.similarity.toFixed(2)}  ${a.title} [${a.publisher}]: ${a.reason}\n`);
      process.stdout.write('\n');
    }
    process.stderr.write(`newsdesk cluster: ${articles.length} articles, ${stories.length} stories, ${copies.size} copies\n`);
  }
  return failures.length > 0 ? 1 : 0;
};
