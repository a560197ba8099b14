// The editor's HTTP edge against hostile requests, on a real server over raw sockets (so the request line
// and the body are exactly what an attacker sends): the token exchange never redirects off-site, and a
// huge body is refused before it is read.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { csrfFor } from '../../src/web/security.js';
import { MAX_BODY_BYTES } from '../../src/web/server.js';
import { loadBoard } from '../../src/web/views.js';

let editor: TestEditor;
let port: number;
beforeAll(async () => {
  editor = await startTestEditor();
  port = editor.port;
});
afterAll(async () => editor?.stop());

interface RawResponse {
  status: number;
  headers: Map<string, string>;
}

/**
 * Writes `head` and then `body` chunks, never ending the request, and resolves with the response's status
 * and headers as soon as they arrive: a server that waited for the whole body would never answer.
 */
function rawRequest(head: string, body: Buffer[] = []): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('error', (error) => (received.includes('\r\n\r\n') ? undefined : reject(error)));
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine = '', ...lines] = received.slice(0, end).split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      socket.destroy();
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
    socket.write(head);
    for (const chunk of body) socket.write(chunk);
  });
}

const OFF_SITE_PATHS = ['//evil.example/', '///evil.example/', '//evil.example/%2e%2e/', '//evil.example:443/'];
/** Backslashes in the request line: Node's parser refuses them (400); whatever answers, never a redirect off-site. */
const BACKSLASH_PATHS = ['/\\evil.example/', '/\\/evil.example/'];

describe('the token exchange redirect', () => {
  it.each(OFF_SITE_PATHS)('GET %s?token=… stays on the editor', async (path) => {
    const response = await rawRequest(`GET ${path}?token=${editor.token}&usage=selected HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/(?![/\\])/);
    expect(new URL(location, editor.url).origin).toBe(new URL(editor.url).origin);
    expect(location).not.toContain(editor.token);
    expect(response.headers.get('set-cookie')).toMatch(/^newsdesk_token=/);
  });

  it.each(BACKSLASH_PATHS)('GET %s?token=… is refused or stays on the editor', async (path) => {
    const response = await rawRequest(`GET ${path}?token=${editor.token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    const location = response.headers.get('location');
    expect(location === undefined || new URL(location, editor.url).origin === new URL(editor.url).origin).toBe(true);
    expect(response.status === 400 || location?.startsWith('/')).toBe(true);
  });

  it('keeps an ordinary address and its other parameters', async () => {
    const response = await rawRequest(`GET /articles/x?token=${editor.token}&usage=selected HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(response.headers.get('location')).toBe('/articles/x?usage=selected');
  });
});

describe('request bodies', () => {
  let articleId = '';
  beforeAll(async () => {
    articleId = (await loadBoard(editor.store)).entries[0]!.articleId;
  });
  const head = (extra: string): string =>
    `POST /api/articles/${articleId}/usage HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${editor.token}\r\n` +
    `Origin: ${editor.url}\r\nX-CSRF-Token: ${csrfFor(editor.token)}\r\nContent-Type: application/json\r\n${extra}\r\n`;

  it('refuses a declared 50 MB JSON body with 413 after reading 1 KB of it', async () => {
    const response = await rawRequest(head(`Content-Length: ${50 * 1024 * 1024}\r\n`), [Buffer.alloc(1024, ' ')]);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('cuts off a chunked body that passes the cap, without waiting for its end', async () => {
    const chunk = Buffer.alloc(16 * 1024, ' ');
    const chunks = Array.from({ length: Math.ceil(MAX_BODY_BYTES / chunk.length) + 2 }, () =>
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    );
    const response = await rawRequest(head('Transfer-Encoding: chunked\r\n'), chunks);
    expect(response.status).toBe(413);
  });

  it('still takes a usage change of ordinary size', async () => {
    const body = JSON.stringify({ usage: 'background', note: 'n'.repeat(400) });
    const response = await rawRequest(head(`Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n`), [Buffer.from(body)]);
    expect(response.status).toBe(200);
  });
});
