// Our parse result (and rss-parser's, for the baseline) shaped like the parts of feedparser's result
// dict that newsdesk has a concept for. Keys left out here make an expectation "not mappable".
import type { Feed, FeedFormat } from '../src/model.js';
import { Charset, PlainText } from './expect.js';

export type View = Record<string, unknown>;

/** feedparser's `*_parsed` value: a time.struct_time as a 9-tuple (weekday Monday = 0, day of year). */
function parsedTime(iso: string | undefined): unknown[] | null {
  if (!iso) return null;
  const d = new Date(iso);
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, yday, 0];
}

const VERSIONS: Readonly<Partial<Record<FeedFormat, string>>> = { rss091: 'rss091u' };

/** Keys of the list items the views map (entries, content, enclosures): what an absent entry may be asked. */
export const ITEM_KEYS: ReadonlySet<string> = new Set([
  ...['title', 'link', 'id', 'author', 'summary', 'description', 'content', 'published_parsed', 'updated_parsed', 'enclosures'],
  ...['title_detail', 'author_detail', 'summary_detail', 'value', 'name', 'href', 'type', 'length'],
]);

export function oursView(feed: Feed | undefined, encoding: string, decodeTrouble: boolean): View {
  const bozo = decodeTrouble || !feed || (feed.warnings ?? []).some((w) => w.startsWith('recovered:'));
  return {
    bozo,
    encoding: new Charset(encoding),
    version: feed?.format ? (VERSIONS[feed.format] ?? feed.format) : '',
    feed: { title: feed ? new PlainText(feed.title) : null, title_detail: { value: feed ? new PlainText(feed.title) : null }, link: feed?.link || null },
    entries: (feed?.items ?? []).map((item) => ({
      title: new PlainText(item.title),
      // The *_detail dicts' "value" is the field itself; their type/base/language have no counterpart.
      title_detail: { value: new PlainText(item.title) },
      author_detail: { name: item.author ?? null },
      summary_detail: { value: item.summary ?? item.content ?? null },
      link: item.link || null,
      id: item.id,
      author: item.author ?? null,
      summary: item.summary ?? item.content ?? null,
      description: item.summary ?? item.content ?? null,
      content: item.content ? [{ value: item.content }] : [],
      published_parsed: parsedTime(item.published),
      updated_parsed: parsedTime(item.updated ?? item.published),
      enclosures: (item.enclosures ?? []).map((e) => ({ href: e.url, type: e.type ?? '', length: e.length === undefined ? '' : String(e.length) })),
    })),
  };
}

interface RssParserOutput {
  title?: string;
  link?: string;
  items: Array<Record<string, unknown>>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * rss-parser reports neither the document's encoding nor the feed's format version, so the view leaves
 * `encoding` and `version` out: a case that asks for them is "not comparable" for the baseline, rather
 * than failed by a constant this view would have to invent.
 */
export function baselineView(feed: RssParserOutput | undefined): View {
  return {
    bozo: !feed,
    feed: { title: feed?.title ?? null, title_detail: { value: feed?.title ?? null }, link: feed?.link ?? null },
    entries: (feed?.items ?? []).map((item) => {
      const content = str(item['content:encoded']) ?? str(item['content']);
      const enclosure = item['enclosure'] as { url?: string; type?: string; length?: string } | undefined;
      return {
        title: str(item['title']),
        title_detail: { value: str(item['title']) },
        author_detail: { name: str(item['creator']) ?? str(item['author']) },
        summary_detail: { value: str(item['summary']) ?? str(item['content']) },
        link: str(item['link']),
        id: str(item['guid']) ?? str(item['id']),
        author: str(item['creator']) ?? str(item['author']),
        summary: str(item['summary']) ?? str(item['content']),
        description: str(item['content']),
        content: content ? [{ value: content }] : [],
        published_parsed: parsedTime(str(item['isoDate']) ?? undefined),
        updated_parsed: parsedTime(str(item['isoDate']) ?? undefined),
        enclosures: enclosure?.url ? [{ href: enclosure.url, type: enclosure.type ?? '', length: enclosure.length ?? '' }] : [],
      };
    }),
  };
}
