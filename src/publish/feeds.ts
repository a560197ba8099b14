// Machine-readable outputs: RSS 2.0 and JSON Feed 1.1 of the selected stories, and one JSON line per
// candidate for pipelines. fast-xml-parser's builder does the XML escaping.
import { XMLBuilder } from 'fast-xml-parser';
import type { Article, Candidate, Summary } from '../model.js';
import type { BriefingStory, BriefingView } from './view.js';
import { webUrl } from '../text/web-url.js';
import { xmlSafe } from '../text/control.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface FeedSettings {
  title: string;
  /** Absolute URL of the output folder; feed URLs are resolved against it. */
  siteUrl: string;
}

interface FeedEntry {
  id: string;
  title: string;
  url?: string;
  summary: string;
  published?: string;
  /** The story's topics: a feed's title or a publisher is never a category. */
  categories: string[];
}

/** Only stories an editor selected go out: the feed is what the desk publishes, not what it considers. */
function entries(view: BriefingView, siteUrl: string): FeedEntry[] {
  return view.stories.filter((s) => s.selected).map((story) => entry(story, siteUrl));
}

/**
 * One item: title, link and summary all the lead article's (the digest is made from the lead), so a reader
 * who follows the link finds the story the title names. A lead without a web address links to its
 * published file on the desk's site.
 */
function entry(story: BriefingStory, siteUrl: string): FeedEntry {
  const lead = story.articles[0]!;
  const link = webUrl(lead.url) || (lead.file ? new URL(lead.file, siteUrl).href : '');
  const dates = story.articles.map((a) => a.published).filter((d): d is string => Boolean(d)).sort();
  const newest = dates[dates.length - 1];
  return { id: story.id, title: lead.title, ...(link ? { url: link } : {}), summary: story.summary, ...(newest ? { published: newest } : {}), categories: story.topics };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What an empty feed says about itself: it is empty until an editor selects a story, and how to do that. */
export const EMPTY_FEED_NOTE =
  'No story is selected yet: the feed carries only stories an editor selects. Select one in the editor (newsdesk serve: x, or "select story") or with newsdesk mark STORY-ID selected.';

function feedDescription(count: number): string {
  return count === 0 ? `Stories selected by the editor (none yet). ${EMPTY_FEED_NOTE}` : `Stories selected by the editor (${count})`;
}

export function rssFeed(view: BriefingView, settings: FeedSettings): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  // Every string through xmlSafe: the text comes from the news, and one forbidden character makes the whole feed unreadable.
  const items = entries(view, settings.siteUrl).map((e) => ({
    title: xmlSafe(e.title),
    ...(e.url ? { link: xmlSafe(e.url) } : {}),
    // RSS readers render a description as HTML: the summary is text, so its <, > and & are escaped as HTML first.
    description: xmlSafe(escapeHtml(e.summary)),
    guid: { '#text': `newsdesk:story:${xmlSafe(e.id)}`, '@_isPermaLink': 'false' },
    ...(e.published ? { pubDate: new Date(e.published).toUTCString() } : {}),
    category: e.categories.map(xmlSafe),
  }));
  return `${builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      channel: {
        title: xmlSafe(view.title),
        link: xmlSafe(settings.siteUrl),
        description: xmlSafe(feedDescription(items.length)),
        lastBuildDate: new Date(view.asOf).toUTCString(),
        generator: 'newsdesk',
        item: items,
      },
    },
  })}`;
}

export function jsonFeed(view: BriefingView, settings: FeedSettings): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: view.title,
    home_page_url: new URL('briefing.html', settings.siteUrl).href,
    feed_url: new URL('feed.json', settings.siteUrl).href,
    description: feedDescription(entries(view, settings.siteUrl).length),
    items: entries(view, settings.siteUrl).map((e) => ({
      id: `newsdesk:story:${e.id}`,
      ...(e.url ? { url: e.url } : {}),
      title: e.title,
      content_text: e.summary,
      ...(e.published ? { date_published: e.published } : {}),
      ...(e.categories.length ? { tags: e.categories } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** One line of articles.jsonl (one per candidate, in rank order): flat, stable keys for jq, pandas and friends. */
export function articlesJsonlLine(c: Candidate, a: Article, summary: Summary | undefined, files: Map<string, string>): string {
  const line = JSON.stringify({
    id: a.id,
    story: c.storyId,
    rank: c.rank,
    initial_rank: c.initialRank,
    usage: c.usage,
    score: c.score,
    ...(c.duplicateOf ? { duplicate_of: c.duplicateOf } : {}),
    url: webUrl(a.url),
    title: a.title,
    publisher: a.publisher,
    publisher_name: a.publisherName,
    published: a.published ?? null,
    file: files.get(a.id) ?? null,
    summary: summary?.text ?? null,
  });
  return `${line}\n`;
}
