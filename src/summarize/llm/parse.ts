// Reading the model's answer, whatever shape it comes in: the JSON we asked for, JSON inside Markdown fences
// or after a preamble, JSON with a syntax error, or plain prose with [n] citations; a reasoning model's
// <think>…</think> block is never read as part of the answer. How citations are written is the one thing
// that differs between an article summary ([3]: a sentence number) and a story digest ([A3]: an article's
// letter and a sentence number), so the reading takes a CitationStyle.
import { splitSentences } from '../../text/sentences.js';

/** One sentence the model wrote with what it cited (empty when nothing usable). */
export interface CitedDraft<C> {
  text: string;
  cites: C[];
  /** In a repair answer: which rejected sentence (1-based) this rewrites. */
  id?: number;
}

/** One sentence of an article summary, with the 0-based source sentences it cited. */
export type Draft = CitedDraft<number>;

/** How a kind of answer writes its citations. */
export interface CitationStyle<C> {
  /** A citation in prose, with its list in group 1 (global, so that every one is found and removed). */
  prose: RegExp;
  /** The citations in a JSON value (a list, a string, a number, an object) or in a prose citation's list. */
  read(value: unknown): C[];
}

const THINK = /<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi;
const FENCE = /```(?:json|JSON)?\s*([\s\S]*?)```/;
/** A line that introduces the answer rather than being part of it. */
const PREAMBLE = /^(?:(?:here(?:'s| is| are)|sure|certainly|okay|ok|summary|the summary)\b.*|.*:\s*)$/i;

/** `[3]`, `[3, 4]`, `[S3]`, `[3-5]`, `(sentences 3, 4)`: sentence numbers, as models write them in an article summary. */
const NUMBERED: CitationStyle<number> = {
  prose: /\s*[[(](?:(?:sentences?|s)\s*)?(\d+(?:\s*(?:[,;–-]|and)\s*s?\d+)*)[\])]/gi,
  read: numbersIn,
};

/** The sentences in an answer; `sourceCount` bounds the citations (anything outside is dropped). */
export function parseDrafts(answer: string, sourceCount: number, lang?: string): Draft[] {
  return parseCited(answer, NUMBERED, lang).map((d) => ({ ...d, cites: [...new Set(d.cites.map((n) => n - 1).filter((n) => n >= 0 && n < sourceCount))] }));
}

/** The sentences in an answer, each with its citations as `style` reads them, in one line without markup. */
export function parseCited<C>(answer: string, style: CitationStyle<C>, lang?: string): Array<CitedDraft<C>> {
  const text = answer.replace(THINK, '').trim();
  const fenced = FENCE.exec(text)?.[1];
  const fromJson = readJson(fenced ?? text, style, lang) ?? readJsonLeniently(text, style);
  const drafts = fromJson ?? readProse(text, style, lang);
  return drafts.map((d) => ({ ...d, text: cleanText(d.text, style) })).filter((d) => d.text !== '');
}

interface JsonSentence {
  text?: unknown;
  sentence?: unknown;
  cites?: unknown;
  citations?: unknown;
  sources?: unknown;
  id?: unknown;
}

function readJson<C>(text: string, style: CitationStyle<C>, lang: string | undefined): Array<CitedDraft<C>> | undefined {
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (end <= start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    try {
      // The commonest slips: trailing commas, and curly quotes around keys.
      value = JSON.parse(text.slice(start, end + 1).replace(/,\s*([}\]])/g, '$1').replace(/[“”]/g, '"'));
    } catch {
      return undefined;
    }
  }
  const list = Array.isArray(value) ? value : ((value as { sentences?: unknown; summary?: unknown }).sentences ?? (value as { summary?: unknown }).summary);
  if (typeof list === 'string') return readProse(list, style, lang);
  if (!Array.isArray(list)) return undefined;
  const drafts = list.flatMap((item: unknown): Array<CitedDraft<C>> => {
    if (typeof item === 'string') return readProse(item, style, lang);
    if (!item || typeof item !== 'object') return [];
    const entry = item as JsonSentence;
    const said = entry.text ?? entry.sentence;
    if (typeof said !== 'string') return [];
    const id = typeof entry.id === 'number' ? { id: entry.id } : {};
    return [{ text: said, cites: style.read(entry.cites ?? entry.citations ?? entry.sources), ...id }];
  });
  // `[1]` in prose parses as JSON too: a list that held no sentence was not the answer's JSON.
  return list.length > 0 && drafts.length === 0 && !list.some((item) => item && typeof item === 'object') ? undefined : drafts;
}

/** JSON too broken to parse: the "text" strings, each with the "cites" list that follows it. */
function readJsonLeniently<C>(text: string, style: CitationStyle<C>): Array<CitedDraft<C>> | undefined {
  const entries = [...text.matchAll(/"(?:text|sentence)"\s*:\s*"((?:[^"\\]|\\.)*)"(?:[^"{}]*?"(?:cites|citations|sources)"\s*:\s*\[([^\]]*)\])?/g)];
  if (entries.length === 0) return undefined;
  return entries.map((m) => {
    let said = m[1]!;
    try {
      said = JSON.parse(`"${said}"`) as string;
    } catch {
      // Keep the raw text: an odd escape is not worth losing the sentence.
    }
    const id = /"id"\s*:\s*(\d+)/.exec(text.slice(Math.max(0, (m.index ?? 0) - 20), m.index))?.[1];
    return { text: said, cites: style.read(m[2] ?? ''), ...(id ? { id: Number(id) } : {}) };
  });
}

/** Prose and Markdown: preamble lines, headings and list markers dropped, citations read and removed. */
function readProse<C>(text: string, style: CitationStyle<C>, lang: string | undefined): Array<CitedDraft<C>> {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^#{1,6}\s/.test(l) && !/^(?:---|\*\*\*)$/.test(l));
  while (lines.length > 1 && PREAMBLE.test(lines[0]!)) lines.shift();
  const body = lines.map((l) => l.replace(/^(?:[-*•]|\d+[.)])\s+/, '')).join('\n');
  const drafts: Array<CitedDraft<C>> = [];
  for (const sentence of splitSentences(body.replace(/\*\*|__/g, ''), lang)) {
    const cites: C[] = [];
    const said = sentence.text.replace(style.prose, (_, list: string) => {
      cites.push(...style.read(list));
      return '';
    });
    // A citation standing alone after the full stop belongs to the sentence before.
    if (/^[\s.]*$/.test(said) && drafts.length > 0) drafts[drafts.length - 1]!.cites.push(...cites);
    else drafts.push({ text: said, cites });
  }
  return drafts;
}

function numbersIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap((v) => numbersIn(v));
  if (typeof value === 'number') return Number.isInteger(value) ? [value] : [];
  if (typeof value !== 'string') return [];
  const out: number[] = [];
  for (const m of value.matchAll(/(\d+)(?:\s*[–-]\s*s?(\d+))?/gi)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = from; n <= Math.min(to, from + 10); n++) out.push(n);
  }
  return out;
}

/** A sentence as it may be published: one line, single spaces, no stray citation brackets or markup. */
function cleanText<C>(text: string, style: CitationStyle<C>): string {
  return text.replace(style.prose, '').replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
}
