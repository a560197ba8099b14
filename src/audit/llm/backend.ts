// The model-backed audit backend: the rules first, then, for each sentence the rules support, a
// sentence-level entailment question to an OpenAI-compatible model. The model can only flag more: a rule
// finding is never overruled, and a sentence the rules flag is not sent. Each model finding names the
// source sentence the model compared with and the words it says disagree.
import type { AuditedSentence, AuditFinding } from '../../model.js';
import type { AuditBackend } from '../backend.js';
import { ruleBackend } from '../rules.js';
import type { PreparedSource } from '../align.js';
import { createChatClient, type ChatClient, type ChatClientDeps } from './client.js';
import { entailmentMessages, readVerdict } from './prompt.js';
import type { LlmAuditOptions } from './options.js';

/** Summary sentences before the checked one given as context, for pronouns. */
const CONTEXT_SENTENCES = 2;

export function llmBackend(options: LlmAuditOptions, deps: ChatClientDeps & { client?: ChatClient } = {}): AuditBackend<PreparedSource> {
  const client = deps.client ?? createChatClient(options, deps);
  return {
    name: `rules+llm (${options.model})`,
    prepare: ruleBackend.prepare,
    async auditSentences(summarySentences, source) {
      const byRules = ruleBackend.auditSentences(summarySentences, source);
      const sourceSentences = source.sentences.map((s) => s.text);
      const out: AuditedSentence[] = byRules.slice();
      const pending = byRules.map((r, i) => (r.verdict === 'supported' ? i : -1)).filter((i) => i >= 0);
      const ask = async (i: number): Promise<void> => {
        const messages = entailmentMessages(sourceSentences, summarySentences.slice(Math.max(0, i - CONTEXT_SENTENCES), i), summarySentences[i]!);
        const answer = readVerdict(await client.complete(messages), sourceSentences.length);
        if (!answer || answer.verdict === 'supported') return;
        const rules = byRules[i]!;
        const where = answer.sentence !== undefined ? ` (source sentence ${answer.sentence + 1})` : '';
        const what = answer.span ? `“${answer.span}”: ` : '';
        const finding: AuditFinding = { kind: 'model', detail: `${options.model}: ${what}${answer.reason || `judged ${answer.verdict}`}${where}` };
        const s = answer.sentence !== undefined ? source.sentences[answer.sentence]! : undefined;
        out[i] = {
          ...rules,
          verdict: answer.verdict,
          evidence: s ? [{ sentence: answer.sentence!, start: s.start, end: s.end }] : rules.evidence,
          findings: [...rules.findings, finding],
        };
      };
      // A few requests at once: the order of answers does not matter, each fills its own slot.
      let next = 0;
      const worker = async () => {
        while (next < pending.length) await ask(pending[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, pending.length) }, worker));
      return out;
    },
  };
}
