// The model client: OpenAI-compatible chat completions with the limits a desk needs.
export { createChatClient, type ChatClient, type ChatMessage, type ChatRequest, type LlmSpending } from './client.js';
export { LlmError, type LlmErrorKind } from './errors.js';
export { DEFAULT_LLM_OPTIONS, API_KEY_ENV, type LlmOptions } from './options.js';
export type { ChatAnswer, Usage } from './answer.js';
