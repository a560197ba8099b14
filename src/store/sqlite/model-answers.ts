// The model-answer cache: one row per (article content, prompt version, model, request).
import type Database from 'better-sqlite3';
import type { ModelAnswer, ModelAnswerKey } from '../types.js';

export function modelAnswer(db: Database.Database, key: ModelAnswerKey): ModelAnswer | undefined {
  const row = db
    .prepare(`SELECT content, prompt_tokens, completion_tokens, received_at FROM llm_answers
      WHERE content_hash = ? AND prompt_version = ? AND model = ? AND request = ?`)
    .get(key.contentHash, key.promptVersion, key.model, key.request) as
    | { content: string; prompt_tokens: number | null; completion_tokens: number | null; received_at: string }
    | undefined;
  if (!row) return undefined;
  return {
    content: row.content,
    ...(row.prompt_tokens !== null ? { promptTokens: row.prompt_tokens } : {}),
    ...(row.completion_tokens !== null ? { completionTokens: row.completion_tokens } : {}),
    at: row.received_at,
  };
}

export function saveModelAnswer(db: Database.Database, key: ModelAnswerKey, answer: ModelAnswer): void {
  db
    .prepare(`INSERT INTO llm_answers (content_hash, prompt_version, model, request, content, prompt_tokens, completion_tokens, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (content_hash, prompt_version, model, request) DO UPDATE SET
        content = excluded.content, prompt_tokens = excluded.prompt_tokens,
        completion_tokens = excluded.completion_tokens, received_at = excluded.received_at`)
    .run(key.contentHash, key.promptVersion, key.model, key.request, answer.content, answer.promptTokens ?? null, answer.completionTokens ?? null, answer.at);
}
