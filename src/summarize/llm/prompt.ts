// What the model is asked: the article's sentences, numbered, and a few short sentences back, each citing the
// numbers it rests on. Raise PROMPT_VERSION whenever a message changes: cached answers are keyed by it.
import type { ChatMessage } from '../../llm/index.js';
import type { AuditFinding, Sentence } from '../../model.js';

export const PROMPT_VERSION = 1;

/** Sentences asked for: an editor's paragraph, each short enough for the auditor to check one claim. */
export const TARGET_SENTENCES = '3 to 6';

const SYSTEM = [
  'You summarize news articles for an editor. Every sentence you write is checked against the article, and',
  'any sentence the article does not support is thrown away. So: state only what the numbered sentences say;',
  'credit every statement, quote or action to the person the article credits it to; never say two people',
  '"both" said or agreed something unless the article says each did; copy numbers exactly; quote only',
  'words that appear verbatim in the article; write short sentences with one claim each.',
].join(' ');

/** The first request: the article, numbered from 1. */
export function summaryMessages(title: string, sentences: readonly Sentence[], maxWords: number): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: [
        `Article: ${title}`,
        '',
        numbered(sentences),
        '',
        `Write ${TARGET_SENTENCES} sentences, at most ${maxWords} words in all, most important first: who, what, where.`,
        'After each sentence, cite the numbers of the article sentences it rests on.',
        'Answer with JSON only: {"sentences": [{"text": "…", "cites": [1, 2]}]}',
      ].join('\n'),
    },
  ];
}

export interface RepairRequest {
  text: string;
  findings: AuditFinding[];
  /** Source sentences the auditor aligned the sentence to. */
  evidence: readonly Sentence[];
}

/** The one re-prompt: each rejected sentence with what the auditor found and the sentences it compared. */
export function repairMessages(title: string, sentences: readonly Sentence[], rejected: readonly RepairRequest[]): ChatMessage[] {
  const items = rejected.map((r, i) =>
    [
      `${i + 1}. "${r.text}"`,
      `   Problems: ${r.findings.map((f) => f.detail).join('; ') || 'the article does not support it'}`,
      ...r.evidence.map((s) => `   [${s.index + 1}] ${s.text}`),
    ].join('\n'),
  );
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: [
        `Article: ${title}`,
        '',
        numbered(sentences),
        '',
        'A fact-checker rejected these summary sentences:',
        ...items,
        '',
        'Rewrite each one so the article supports it, or answer null for it if it cannot be saved.',
        `Answer with JSON only: {"sentences": [{"id": 1, "text": "…", "cites": [1]}]} with one entry per id, 1 to ${rejected.length}.`,
      ].join('\n'),
    },
  ];
}

function numbered(sentences: readonly Sentence[]): string {
  return sentences.map((s) => `[${s.index + 1}] ${s.text}`).join('\n');
}
