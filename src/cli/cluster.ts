// `newsdesk cluster <dir|files…>`: stories across publishers, with why each article joined its story.
// With a database it continues the stories stored by earlier runs and saves what it found.
import { printErr, printOut } from './terminal.js';
import { resolve } from 'node:path';
import { clusterStories } from '../cluster/index.js';
import { countCopies, findDuplicates } from '../dedupe/index.js';
import type { Article, DuplicateGroup, Story } from '../model.js';
import { clusterIntoStore } from '../pipeline-stories.js';
import { failureExitCode, parseCommandLine, storeFailure, type Command } from './common.js';
import { articleRef, readCorpus } from './corpus.js';
import { loadDeskConfig, openDeskStore } from './desk.js';
import { describeDb } from '../store/index.js';

const HELP = `Usage: newsdesk cluster <dir|files…> [--json] [--db FILE|URL] [--config FILE]

Groups the inputs into stories: copies first join their original (see "newsdesk dedupe"), then the
articles, in publication order, join the open story whose centroid (TF-IDF over title, lead and names)
is most similar, or found a new one. A story closes when nothing joined it for cluster.windowHours.

With a database (--db, env NEWSDESK_DB, or "db" in the config file) clustering is incremental: new
articles join the stored stories that are still open at their time, keeping those stories' ids, labels
and first reports, and the stories are saved for the next "newsdesk cluster" or "newsdesk run". Without
one, nothing is read or written.

Options:
  --json          print {stories:[{id, label, first_seen, last_seen, original_reporter, publishers,
                  articles:[{id, url, title, publisher, published, similarity, reason, shared}]}]}
  --db FILE|URL   SQLite file or postgres:// URL to continue and save stories in (the one "newsdesk run" uses)
  --config FILE   YAML or JSON config file (keys db, cluster.similarity, cluster.windowHours;
                  env NEWSDESK_CONFIG)
  -h, --help      this help

Exit: 0 success; 1 some inputs failed (the rest is still clustered); 2 bad usage or configuration, or a
refused input (no such file, over the size cap).
`;

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' }, db: { type: 'string' }, config: { type: 'string' } });
  if (values.help) {
    printOut(HELP);
    return 0;
  }
  const config = loadDeskConfig({ ...(values.db ? { db: values.db } : {}), ...(values.config ? { config: values.config } : {}) });
  const { articles, failures } = await readCorpus(positionals, 'cluster');
  const byId = new Map(articles.map((a) => [a.id, a]));
  let duplicates: DuplicateGroup[];
  let stories: Story[];
  let find = (id: string): Article | undefined => byId.get(id);
  const store = config.dbNamed ? await openDeskStore(config, 'create') : undefined;
  try {
    if (store) {
      const now = new Date().toISOString();
      const inputs = positionals.map((p) => resolve(p));
      ({ duplicates, stories } = await clusterIntoStore(articles, { inputs, now, failures, cluster: config.cluster }, store));
      // Members that earlier runs brought to a continued story are read back from the store.
      const earlier = await store.getArticles([...new Set(stories.flatMap((s) => s.articleIds))].filter((id) => !byId.has(id)));
      for (const article of earlier) byId.set(article.id, article);
      find = (id) => byId.get(id);
    } else {
      duplicates = findDuplicates(articles);
      const copies = new Set(duplicates.flatMap((g) => g.duplicateIds));
      stories = clusterStories(
        articles.filter((a) => !copies.has(a.id)),
        new Map(duplicates.map((g) => [g.originalId, g.duplicateIds])),
        config.cluster,
      );
    }
    stories.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
    const json = stories.map((story) => storyJson(story, find));
    if (values.json) {
      printOut(`${JSON.stringify({ stories: json }, null, 2)}\n`);
    } else {
      for (const story of json) {
        printOut(`${story.label}  (${story.id}, ${story.articles.length} articles, first: ${story.original_reporter ?? 'unknown'})\n`);
        for (const a of story.articles) printOut(`  ${a.similarity.toFixed(2)}  ${a.title} [${a.publisher}]: ${a.reason}\n`);
        printOut('\n');
      }
    }
    const copies = countCopies(duplicates);
    const given = new Set(articles.map((a) => a.id));
    const continued = stories.filter((s) => s.articleIds.some((id) => !given.has(id))).length;
    printErr(
      `newsdesk cluster: ${articles.length} articles, ${stories.length} stories, ${copies} copies` +
        `${store ? `; ${continued} ${continued === 1 ? 'story' : 'stories'} continued from ${describeDb(config.db)}` : ''}\n`,
    );
  } catch (error) {
    throw storeFailure(config.db, error);
  } finally {
    await store?.close();
  }
  return failureExitCode(failures);
};

function storyJson(story: Story, find: (id: string) => Article | undefined) {
  return {
    id: story.id,
    label: story.label,
    first_seen: story.firstSeen ?? null,
    last_seen: story.lastSeen ?? null,
    original_reporter: story.originalReporter ?? null,
    publishers: story.publishers,
    articles: (story.members ?? []).flatMap((m) => {
      const article = find(m.articleId);
      return article ? [{ ...articleRef(article), similarity: m.similarity, reason: m.reason, shared: m.shared }] : [];
    }),
  };
}
