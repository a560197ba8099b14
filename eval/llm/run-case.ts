// One scripted case through the real path: a fake server answering as the case says, the client, the model
// summarizer and the gate. Returns what was published and how each draft fared.
import type { Article, AuditedSentence, Summary } from '../../src/model.js';
import { createChatClient, DEFAULT_LLM_OPTIONS } from '../../src/llm/index.js';
import { summarizeWithModel } from '../../src/summarize/llm/index.js';
import type { GateCounts } from '../../src/audit/model-gate.js';
import { answerText, articleText, faultyTexts, repairText, type GateCase } from './cases.js';
import { isRepair, promptOf, startFakeModel, type Script } from './fake-server.js';

/** What the gate made of one scripted case, summary or digest. */
export interface GatedCaseResult {
  counts: GateCounts;
  /** The drafts as first audited, with the gate's outcome. */
  drafts: AuditedSentence[];
  /** Faulty sentences (drafts or repairs) that were published. */
  faultyPublished: string[];
  /** Faithful drafts that were published as the model wrote them. */
  faithfulKept: number;
  faithfulTotal: number;
  requests: number;
}

export interface CaseResult extends GatedCaseResult {
  summary: Summary;
}

/** The rejected sentences a repair prompt lists (`1. "…"`), in order. */
export function rejectedIn(prompt: string): string[] {
  return [...prompt.matchAll(/^\d+\. "(.*)"$/gm)].map((m) => m[1]!);
}

export function scriptFor(gateCase: GateCase): Script {
  return (request) => {
    if (isRepair(request)) return { content: repairText(gateCase, rejectedIn(promptOf(request))) };
    if (gateCase.shape === 'json-refused' && request.body.response_format) return { status: 400, raw: '{"error":{"message":"response_format is not supported by this model"}}' };
    return { content: answerText(gateCase.shape, gateCase.sentences), stream: gateCase.shape === 'stream-json' };
  };
}

export function caseArticle(gateCase: GateCase): Article {
  const text = gateCase.text ?? articleText(gateCase.article);
  return { id: gateCase.article, url: '', title: text.split('\n')[0]!, byline: [], publisher: 'eval', publisherName: 'Eval', text, origin: { path: gateCase.article, kind: 'text' }, warnings: [] };
}

export async function runCase(gateCase: GateCase): Promise<CaseResult> {
  const server = await startFakeModel(scriptFor(gateCase));
  const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'fake-7b', allowPrivate: true });
  try {
    const made = await summarizeWithModel(caseArticle(gateCase), undefined, { client });
    const faulty = faultyTexts(gateCase);
    const published = made.summary.sentences.filter((s) => s.method === 'llm' || s.method === 'llm-repaired').map((s) => s.text);
    const faithful = gateCase.sentences.filter((s) => !s.fault).map((s) => s.text);
    return {
      summary: made.summary,
      counts: made.counts,
      drafts: made.audit.sentences.filter((s) => s.gate),
      faultyPublished: published.filter((t) => faulty.has(t)),
      faithfulKept: faithful.filter((t) => published.includes(t)).length,
      faithfulTotal: faithful.length,
      requests: server.requests.length,
    };
  } finally {
    await client.close();
    await server.close();
  }
}
