// Readability keeps the headline, and keeps the byline and dateline lines when the page's metadata
// already named the author. They are metadata, not body: quoting them as article sentences would be
// wrong, so leading paragraphs that only repeat the title, a byline or a date are dropped.
import { parseByline } from './byline.js';
import { comparableText } from './html-text.js';

/** Only the top of the body is searched: a "By …" line further down is part of the story. */
const MAX_LEADING_PARAGRAPHS = 4;
/** A dateline is short ("10 June 2025", "Updated 2025-06-10 08:00"); longer lines are prose. */
const MAX_DATELINE_CHARS = 40;
const BYLINE_LINE = /^by\s+\S/i;
const MAX_BYLINE_CHARS = 120;
const DATELINE_PREFIX = /^(?:published|updated|posted)(?:\s+on)?:?\s+/i;

function isDateline(paragraph: string): boolean {
  if (paragraph.length > MAX_DATELINE_CHARS || !/\d/.test(paragraph)) return false;
  return !Number.isNaN(Date.parse(paragraph.replace(DATELINE_PREFIX, '')));
}

export interface CleanedBody {
  text: string;
  /** Names from a dropped "By …" line, for pages whose metadata has no author. */
  byline: string[];
}

/** Drops leading headline, byline and dateline paragraphs from an extracted body. */
export function dropLeadingMetadata(text: string, title: string): CleanedBody {
  const paragraphs = text.split('\n\n');
  const titleKey = comparableText(title);
  let byline: string[] = [];
  let start = 0;
  while (start < Math.min(paragraphs.length, MAX_LEADING_PARAGRAPHS)) {
    const paragraph = paragraphs[start] ?? '';
    if (titleKey && comparableText(paragraph) === titleKey) {
      start++;
    } else if (BYLINE_LINE.test(paragraph) && paragraph.length <= MAX_BYLINE_CHARS && !/[.!?]$/.test(paragraph)) {
      byline = parseByline(paragraph);
      start++;
    } else if (isDateline(paragraph)) {
      start++;
    } else {
      break;
    }
  }
  return { text: paragraphs.slice(start).join('\n\n'), byline };
}
