// What the model is asked for a story's digest: the story's articles, each by a letter and its sentences
// numbered (A1, A2, … B1, …), and a few short sentences back that say who, what and where first, each
// citing the article and sentences it rests on. Raise DIGEST_PROMPT_VERSION whenever a message changes:
// cached answers are keyed by it.
import type { ChatMessage } from '../../llm/index.js';
import type { AuditFinding, Sentence } from '../../model.js';
import { articleLetter } from './digest-parse.js';

export const DIGEST_PROMPT_VERSION = 1;

/** Sentences asked for: a briefing entry an editor reads at a glance, one claim (and one article) each. */
export const TARGET_DIGEST_SENTENCES = '2 to 4';

const SYSTEM = [
  'You write story digests for a news briefing from several articles about the same event. Every sentence you',
  'write is checked against the article it cites, and any sentence that article does not support is thrown away.',
  'So: state only what the numbered sentences say; let each sentence rest on one article; credit every statement,',
  'quote or action to the person that article credits it to, never to someone from another article; copy numbers',
  'exactly; quote only words that appear verbatim; name people in full rather than "he" or "she".',
].join(' ');

/** One of the story's articles as the prompt shows it: the sentences numbered, from the first. */
export interface DigestSource {
  title: string;
  publisher: string;
  sentences: readonly Sentence[];
}

/** The first request: the story's articles, lettered, their sentences numbered. */
export function digestMessages(sources: readonly DigestSource[], maxWords: number): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: [
        ...sources.flatMap((source, i) => [lettered(source, i), '']),
        `Write a digest of this story in ${TARGET_DIGEST_SENTENCES} short sentences, at most ${maxWords} words in all.`,
        'The first sentence says who did what, and where.',
        'After each sentence, cite the article letter and sentence numbers it rests on, e.g. [A1, A3].',
        'Answer with JSON only: {"sentences": [{"text": "…", "cites": ["A1", "A3"]}]}',
      ].join('\n'),
    },
  ];
}

/** A digest sentence the gate rejected, as the repair prompt shows it. */
export interface DigestRepairRequest {
  text: string;
  findings: AuditFinding[];
  /** The article it was checked against (0-based), and the sentences the auditor compared it with. */
  article: number;
  evidence: readonly Sentence[];
}

/** The one re-prompt: each rejected sentence with what the auditor found and the sentences it compared. */
export function digestRepairMessages(sources: readonly DigestSource[], rejected: readonly DigestRepairRequest[]): ChatMessage[] {
  const items = rejected.map((r, i) =>
    [
      `${i + 1}. "${r.text}"`,
      `   Problems: ${r.findings.map((f) => f.detail).join('; ') || `article ${articleLetter(r.article)} does not support it`}`,
      ...r.evidence.map((s) => `   [${articleLetter(r.article)}${s.index + 1}] ${s.text}`),
    ].join('\n'),
  );
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: [
        ...sources.flatMap((source, i) => [lettered(source, i), '']),
        'A fact-checker rejected these digest sentences:',
        ...items,
        '',
        'Rewrite each one so the article it cites supports it, or answer null for it if it cannot be saved.',
        `Answer with JSON only: {"sentences": [{"id": 1, "text": "…", "cites": ["A1"]}]} with one entry per id, 1 to ${rejected.length}.`,
      ].join('\n'),
    },
  ];
}

function lettered(source: DigestSource, index: number): string {
  const letter = articleLetter(index);
  return [`Article ${letter} (${source.publisher}): ${source.title}`, ...source.sentences.map((s) => `[${letter}${s.index + 1}] ${s.text}`)].join('\n');
}
