// Reading the model's answer, whatever shape it comes in: the JSON we asked for, JSON inside Markdown fences
// or after a preamble, JSON with a syntax error, or plain prose with [n] citations; a reasoning model's
// <think>…</think> block is never read as part of the answer.
import { splitSentences } from '../../text/sentences.js';

/** One sentence the model wrote, with the 0-based source sentences it cited (empty when none usable). */
export interface Draft {
  text: string;
  cites: number[];
  /** In a repair answer: which rejected sentence (1-based) this rewrites. */
  id?: number;
}

const THINK = /<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi;
const FENCE = /```(?:json|JSON)?\s*([\s\S]*?)```/;
/** `[3]`, `[3, 4]`, `[S3]`, `[3-5]`, `(sentences 3, 4)`: a citation as models write them in prose. */
const CITATION = /\s*[[(](?:(?:sentences?|s)\s*)?(\d+(?:\s*(?:[,;–-]|and)\s*s?\d+)*)[\])]/gi;
/** A line that introduces the answer rather than being part of it. */
const PREAMBLE = /^(?:(?:here(?:'s| is| are)|sure|certainly|okay|ok|summary|the summary)\b.*|.*:\s*)$/i;

/** The sentences in an answer; `sourceCount` bounds the citations (anything outside is dropped). */
export function parseDrafts(answer: string, sourceCount: number, lang?: string): Draft[] {
  const text = answer.replace(THINK, '').trim();
  const fenced = FENCE.exec(text)?.[1];
  const fromJson = readJson(fenced ?? text, lang) ?? readJsonLeniently(text);
  const drafts = fromJson ?? readProse(text, lang);
  return drafts
    .map((d) => ({ ...d, text: cleanText(d.text), cites: [...new Set(d.cites.map((n) => n - 1).filter((n) => n >= 0 && n < sourceCount))] }))
    .filter((d) => d.text !== '');
}

interface JsonSentence {
  text?: unknown;
  sentence?: unknown;
  cites?: unknown;
  citations?: unknown;
  sources?: unknown;
  id?: unknown;
}

function readJson(text: string, lang: string | undefined): Draft[] | undefined {
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
  if (typeof list === 'string') return readProse(list, lang);
  if (!Array.isArray(list)) return undefined;
  const drafts = list.flatMap((item: unknown): Draft[] => {
    if (typeof item === 'string') return readProse(item, lang);
    if (!item || typeof item !== 'object') return [];
    const entry = item as JsonSentence;
    const said = entry.text ?? entry.sentence;
    if (typeof said !== 'string') return [];
    const id = typeof entry.id === 'number' ? { id: entry.id } : {};
    return [{ text: said, cites: numbersIn(entry.cites ?? entry.citations ?? entry.sources), ...id }];
  });
  // `[1]` in prose parses as JSON too: a list that held no sentence was not the answer's JSON.
  return list.length > 0 && drafts.length === 0 && !list.some((item) => item && typeof item === 'object') ? undefined : drafts;
}

/** JSON too broken to parse: the "text" strings, each with the "cites" list that follows it. */
function readJsonLeniently(text: string): Draft[] | undefined {
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
    return { text: said, cites: numbersIn(m[2] ?? ''), ...(id ? { id: Number(id) } : {}) };
  });
}

/** Prose and Markdown: preamble lines, headings and list markers dropped, citations read and removed. */
function readProse(text: string, lang: string | undefined): Draft[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^#{1,6}\s/.test(l) && !/^(?:---|\*\*\*)$/.test(l));
  while (lines.length > 1 && PREAMBLE.test(lines[0]!)) lines.shift();
  const body = lines.map((l) => l.replace(/^(?:[-*•]|\d+[.)])\s+/, '')).join('\n');
  const drafts: Draft[] = [];
  for (const sentence of splitSentences(body.replace(/\*\*|__/g, ''), lang)) {
    const cites: number[] = [];
    const said = sentence.text.replace(CITATION, (_, list: string) => {
      cites.push(...numbersIn(list));
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
function cleanText(text: string): string {
  return text.replace(CITATION, '').replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();
}
