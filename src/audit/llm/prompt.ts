// The entailment question put to the model, and the reading of its answer. The article goes in with its
// sentences numbered, so the model can name the sentence it compared with; the answer is asked for as
// JSON, and read leniently when the model wraps it in prose, Markdown or a <think> block.
import type { AuditVerdict } from '../../model.js';
import type { ChatMessage } from './client.js';

/** Bumped whenever the wording changes, so a verdict can be traced to the question that produced it. */
export const PROMPT_VERSION = 1;

const SYSTEM = `You check news summaries against the article they summarize, one sentence at a time.
A sentence is "supported" only if the article states everything in it or directly entails it.
Otherwise answer one of:
- "misattributed": words or actions given to the wrong person or group, or one person's words given to several people;
- "contradicted": a number, date, place, title, negation, certainty (proposed vs decided, may vs will) or event that differs from the article;
- "unsupported": something the article does not say at all, including a cause or sequence it does not state.
Answer with JSON only: {"verdict": "...", "source_sentence": <number of the article sentence you compared with, or null>, "span": "<the words of the summary sentence that the article does not support, or empty>", "reason": "<one short sentence>"}`;

export interface ModelVerdict {
  verdict: AuditVerdict;
  /** 0-based index of the source sentence the model compared with, when it named a valid one. */
  sentence?: number;
  span: string;
  reason: string;
}

export function entailmentMessages(sourceSentences: readonly string[], context: readonly string[], sentence: string): ChatMessage[] {
  const numbered = sourceSentences.map((s, i) => `[${i + 1}] ${s}`).join('\n');
  const before = context.length > 0 ? `Earlier sentences of the summary (for "he", "she", "they"):\n${context.join(' ')}\n\n` : '';
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Article:\n${numbered}\n\n${before}Summary sentence to check:\n${sentence}` },
  ];
}

const VERDICTS: readonly AuditVerdict[] = ['supported', 'unsupported', 'misattributed', 'contradicted'];

/** The model's verdict, or undefined when the answer holds none: then the model flags nothing. */
export function readVerdict(answer: string, sourceCount: number): ModelVerdict | undefined {
  const text = answer.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const json = firstJsonObject(text);
  if (json) {
    const verdict = typeof json.verdict === 'string' ? (json.verdict.toLowerCase().trim() as AuditVerdict) : undefined;
    if (verdict && VERDICTS.includes(verdict)) {
      const n = Number(json.source_sentence);
      return {
        verdict,
        ...(Number.isInteger(n) && n >= 1 && n <= sourceCount ? { sentence: n - 1 } : {}),
        span: typeof json.span === 'string' ? json.span.trim() : '',
        reason: typeof json.reason === 'string' ? json.reason.trim() : '',
      };
    }
  }
  // Prose: the verdict word the answer opens with, if any.
  const word = /\b(supported|unsupported|misattributed|contradicted)\b/i.exec(text);
  return word ? { verdict: word[1]!.toLowerCase() as AuditVerdict, span: '', reason: text.split('\n')[0]!.slice(0, 200) } : undefined;
}

function firstJsonObject(text: string): Record<string, unknown> | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    for (let end = text.lastIndexOf('}'); end > start; end = text.lastIndexOf('}', end - 1)) {
      try {
        const value: unknown = JSON.parse(text.slice(start, end + 1));
        if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // not this pair of braces
      }
    }
  }
  return undefined;
}
