// The model-answer cache on PostgreSQL: one row per (article content, prompt version, model, request).
import type { ModelAnswer, ModelAnswerKey } from '../types.js';
import type { Queryable, Row } from './connection.js';

export async function modelAnswer(db: Queryable, key: ModelAnswerKey): Promise<ModelAnswer | undefined> {
  const { rows } = await db.query(
    `SELECT content, prompt_tokens, completion_tokens, received_at FROM llm_answers
      WHERE content_hash = $1 AND prompt_version = $2 AND model = $3 AND request = $4`,
    [key.contentHash, key.promptVersion, key.model, key.request],
  );
  const row = rows[0] as Row | undefined;
  if (!row) return undefined;
  return {
    content: row.content as string,
    ...(row.prompt_tokens !== null ? { promptTokens: Number(row.prompt_tokens) } : {}),
    ...(row.completion_tokens !== null ? { completionTokens: Number(row.completion_tokens) } : {}),
    at: row.received_at as string,
  };
}

export async function saveModelAnswer(db: Queryable, key: ModelAnswerKey, answer: ModelAnswer): Promise<void> {
  await db.query(
    `INSERT INTO llm_answers (content_hash, prompt_version, model, request, content, prompt_tokens, completion_tokens, received_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (content_hash, prompt_version, model, request) DO UPDATE SET
        content = excluded.content, prompt_tokens = excluded.prompt_tokens,
        completion_tokens = excluded.completion_tokens, received_at = excluded.received_at`,
    [key.contentHash, key.promptVersion, key.model, key.request, answer.content, answer.promptTokens ?? null, answer.completionTokens ?? null, answer.at],
  );
}
