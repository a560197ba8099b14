// Reading a chat-completion answer: a JSON body, or a stream of server-sent events from a server that
// streams whether asked or not. Either way: the text and the token usage the server reports.

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatAnswer {
  content: string;
  /** Undefined when the server did not report usage. */
  usage?: Usage;
  /** The model the server says answered. */
  model?: string;
}

interface CompletionShape {
  model?: unknown;
  choices?: Array<{ message?: { content?: unknown; reasoning_content?: unknown }; delta?: { content?: unknown }; text?: unknown }>;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

/** The answer in a non-streamed body; undefined when it holds no chat completion. */
export function readCompletion(body: string): ChatAnswer | undefined {
  let parsed: CompletionShape;
  try {
    parsed = JSON.parse(body) as CompletionShape;
  } catch {
    return undefined;
  }
  const choice = parsed.choices?.[0];
  const content = choice?.message?.content ?? choice?.text;
  if (typeof content !== 'string') return undefined;
  return withMeta({ content }, parsed);
}

/** The answer in a server-sent event stream (`data: {...}` lines, ending with `data: [DONE]`). */
export function readStream(body: string): ChatAnswer | undefined {
  let content = '';
  let seen = false;
  let last: CompletionShape = {};
  for (const line of body.split(/\r?\n/)) {
    const data = /^data:\s?(.*)$/.exec(line)?.[1];
    if (data === undefined || data.trim() === '[DONE]') continue;
    let chunk: CompletionShape;
    try {
      chunk = JSON.parse(data) as CompletionShape;
    } catch {
      continue;
    }
    const piece = chunk.choices?.[0]?.delta?.content ?? chunk.choices?.[0]?.message?.content;
    if (typeof piece === 'string') {
      content += piece;
      seen = true;
    }
    if (chunk.usage || chunk.model) last = { ...last, ...(chunk.usage ? { usage: chunk.usage } : {}), ...(chunk.model ? { model: chunk.model } : {}) };
  }
  return seen ? withMeta({ content }, last) : undefined;
}

function withMeta(answer: ChatAnswer, shape: CompletionShape): ChatAnswer {
  const prompt = shape.usage?.prompt_tokens;
  const completion = shape.usage?.completion_tokens;
  return {
    ...answer,
    ...(typeof prompt === 'number' && typeof completion === 'number' ? { usage: { promptTokens: prompt, completionTokens: completion } } : {}),
    ...(typeof shape.model === 'string' ? { model: shape.model } : {}),
  };
}
