// A plain-text article: a headline and paragraphs, as a syndicated feed item or a saved copy delivers
// it. Two shapes are common: a syndication footer at the end ("The post <TITLE> appeared first on
// <PUBLISHER>.") carrying the headline, or the headline on the first line.
import { comparableText, normalizeSpace, parseByline } from '../extract/index.js';
import { parseFooterLine } from './footer.js';

export interface TextArticleDraft {
  title: string;
  /** Body paragraphs separated by blank lines, without the headline or footer line. */
  text: string;
  byline: string[];
  /** Publisher named by the syndication footer, when there is one. */
  publisherName?: string;
}

/** "By Ana Ruiz" on the line after the headline; longer lines are prose that happens to start with "By". */
const BYLINE_LINE = /^by\s+(.+)$/i;
const MAX_BYLINE_WORDS = 8;
const BLANK = /^\s*$/;

/**
 * Paragraphs of a body. Files either separate paragraphs with blank lines (lines inside one are
 * hard-wrapped and joined) or put one paragraph per line with no blank lines at all.
 */
export function textParagraphs(lines: readonly string[]): string[] {
  const hasBlankSeparators = lines.some((line) => BLANK.test(line));
  if (!hasBlankSeparators) return lines.map(normalizeSpace).filter(Boolean);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (BLANK.test(line)) {
      const paragraph = normalizeSpace(current.join(' '));
      if (paragraph) paragraphs.push(paragraph);
      current = [];
    } else {
      current.push(line);
    }
  }
  return paragraphs;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && BLANK.test(lines[start] ?? '')) start++;
  while (end > start && BLANK.test(lines[end - 1] ?? '')) end--;
  return lines.slice(start, end);
}

function splitBylineLine(lines: string[]): { byline: string[]; lines: string[] } {
  const first = normalizeSpace(lines[0] ?? '');
  const match = BYLINE_LINE.exec(first);
  if (!match?.[1] || first.split(' ').length > MAX_BYLINE_WORDS || /[.!?]$/.test(first)) return { byline: [], lines };
  return { byline: parseByline(first), lines: lines.slice(1) };
}

/** Parses a plain-text article. The title is "" only when the content has no non-empty line. */
export function parseTextArticle(content: string): TextArticleDraft {
  let lines = trimBlankEdges(content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
  let title = '';
  let publisherName: string | undefined;

  const footer = parseFooterLine(lines[lines.length - 1] ?? '');
  if (footer) {
    title = footer.title;
    publisherName = footer.publisherName;
    lines = trimBlankEdges(lines.slice(0, -1));
    // Some copies carry the headline on the first line as well as in the footer.
    if (comparableText(lines[0] ?? '') === comparableText(title)) lines = trimBlankEdges(lines.slice(1));
  } else {
    title = normalizeSpace(lines[0] ?? '');
    lines = trimBlankEdges(lines.slice(1));
  }

  const { byline, lines: bodyLines } = splitBylineLine(lines);
  const text = textParagraphs(trimBlankEdges(bodyLines)).join('\n\n');
  return { title, text, byline, ...(publisherName ? { publisherName } : {}) };
}
