// A fake OpenAI-compatible chat-completions server on 127.0.0.1, with scripted answers: what the model-backend
// tests and `npm run eval:llm` talk to (there is no outside host in tests). Each request is recorded, with its
// parsed body and Authorization header, so a test can check what was sent and how often.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: unknown; [key: string]: unknown };
  authorization?: string;
  /** 1 for the first request the server got. */
  hit: number;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** The model's text, wrapped as a chat completion (or streamed, with `stream`). */
  content?: string;
  /** A raw body instead of a completion. */
  raw?: string;
  /** Answer as server-sent events, the content cut in pieces. */
  stream?: boolean;
  /** Wait this long before answering (a slow model). */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export type Script = (request: FakeRequest) => FakeReply;

export interface FakeModelServer {
  /** Base URL up to /v1, as `--llm-url` takes it. */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const DEFAULT_USAGE = { prompt_tokens: 900, completion_tokens: 150 };

export async function startFakeModel(script: Script): Promise<FakeModelServer> {
  const requests: FakeRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    if (req.method !== 'POST' || !req.url?.endsWith('/v1/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    let body: FakeRequest['body'] = {};
    try {
      body = JSON.parse(text) as FakeRequest['body'];
    } catch {
      res.writeHead(400).end('{"error":{"message":"bad json"}}');
      return;
    }
    const request: FakeRequest = { body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), hit: requests.length + 1 };
    requests.push(request);
    const reply = script(request);
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reply.delayMs);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return;
    }
    const status = reply.status ?? 200;
    if (reply.raw !== undefined || status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers }).end(reply.raw ?? '{"error":{"message":"scripted failure"}}');
      return;
    }
    const content = reply.content ?? '';
    const usage = reply.usage ?? DEFAULT_USAGE;
    if (reply.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', ...reply.headers });
      for (const piece of content.match(/[\s\S]{1,40}/g) ?? []) res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json', ...reply.headers })
      .end(JSON.stringify({ id: `fake-${request.hit}`, object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage }));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user message of a request: the numbered article, and for a repair the rejected sentences. */
export function promptOf(request: FakeRequest): string {
  return request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
}

/** True when the request is the one re-prompt with the auditor's findings. */
export function isRepair(request: FakeRequest): boolean {
  return /rejected these summary sentences/.test(promptOf(request));
}
