// A loopback fake of an OpenAI-compatible chat-completions server: each request is answered by a
// scripted function of the request's last user message and how many requests came before it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** The assistant's message content; sent inside choices[0].message.content. */
  content?: string;
  /** A raw body instead of the chat-completions envelope. */
  raw?: string;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface FakeRequest {
  path: string;
  authorization?: string;
  body: { model?: string; messages?: { role: string; content: string }[]; temperature?: number };
}

export interface FakeLlmServer {
  /** Base URL, like http://127.0.0.1:PORT/v1. */
  url: string;
  requests: FakeRequest[];
  close: () => Promise<void>;
}

export async function startFakeLlm(reply: (userMessage: string, index: number) => FakeReply): Promise<FakeLlmServer> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(data || '{}') as FakeRequest['body'];
      const index = requests.length;
      requests.push({ path: req.url ?? '/', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body });
      if (req.url !== '/v1/chat/completions') {
        res.writeHead(404).end('not found');
        return;
      }
      const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
      const r = reply(user, index);
      if (r.hang) return;
      const payload = r.raw ?? JSON.stringify({ id: `fake-${index}`, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: r.content ?? '' }, finish_reason: 'stop' }] });
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers }).end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The summary sentence a request asks about (the prompt's last section). */
export function checkedSentence(userMessage: string): string {
  return userMessage.split('Summary sentence to check:\n').pop()!.trim();
}
