// Item 7: the editor's HTTP edge, on a real server over raw sockets. The token exchange must never send
// the browser off-site, whatever the path looks like; a body over the cap must be refused (413, or 401
// without the token) before it is read whole, on every endpoint that takes one, declared or chunked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, runSettings } from '../../../src/config.js';
import { runPipeline } from '../../../src/pipeline.js';
import { openSqliteStore } from '../../../src/store/index.js';
import { csrfFor, newToken } from '../../../src/web/security.js';
import { startEditor } from '../../../src/web/server.js';
import { loadBoard } from '../../../src/web/views.js';
import { Crash, tally, type Case } from '../outcomes.js';

const ARTICLES: Record<string, string> = {
  'ferry.txt': 'Night Ferry Returns to Kellow Sound\n\nThe night ferry across Kellow Sound will run again from Friday, the island council said, after a summer without it.\n',
  'library.txt': 'Saltmarsh Library Opens a Tool Shelf\n\nBorrowers in Saltmarsh can take home drills and ladders from the library from next week, librarian Mina Osei said.\n',
};

/** Paths a browser would read as another host if they became a Location as they are. */
const OFF_SITE = ['//evil.example/', '///evil.example/', '////evil.example', '//evil.example:80/x', '//evil.example/%2e%2e', '//%65vil.example/', '//evil.example\\', '/\\evil.example/', '/\t/evil.example/'];
/** How long a refusal may take once the first kilobyte is sent; a server reading 50 MB first never answers. */
const ANSWER_WITHIN_MS = 5_000;
const HUGE = 50 * 1024 * 1024;

interface Raw {
  status: number;
  location?: string;
}

/** Sends `head` and `chunks` without ending the request; resolves with the status line once it arrives. */
function raw(port: number, head: string, chunks: Buffer[] = []): Promise<Raw | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, ANSWER_WITHIN_MS);
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (!received) reject(error);
    });
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      clearTimeout(timer);
      socket.destroy();
      const [status = '', ...lines] = received.slice(0, end).split('\r\n');
      const location = lines.find((l) => /^location:/i.test(l))?.replace(/^location:\s*/i, '');
      resolve({ status: Number(status.split(' ')[1]), ...(location !== undefined ? { location } : {}) });
    });
    socket.write(head);
    for (const chunk of chunks) socket.write(chunk);
  });
}

export const hostileClass = {
  name: 'editor-http',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-editor-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    const store = openSqliteStore(join(dir, 'n.db'));
    const settings = { inputs: [dir], outDir: join(dir, 'out'), settings: runSettings(DEFAULT_CONFIG) };
    await runPipeline({ ...settings, now: '2026-11-23T08:00:00.000Z' }, store);
    const token = newToken();
    const editor = await startEditor({ store, token, host: '127.0.0.1', port: 0, run: settings });
    const id = (await loadBoard(store)).entries[0]!.articleId;
    const origin = `http://127.0.0.1:${editor.port}`;
    const auth = `Authorization: Bearer ${token}\r\nOrigin: ${origin}\r\nX-CSRF-Token: ${csrfFor(token)}\r\n`;
    const endpoints: Array<[string, string]> = [
      [`/api/articles/${id}/usage`, 'application/json'],
      [`/api/articles/${id}/rank`, 'application/json'],
      [`/articles/${id}/usage`, 'application/x-www-form-urlencoded'],
      [`/articles/${id}/rank`, 'application/x-www-form-urlencoded'],
      ['/api/runs', 'application/json'],
    ];
    const cases: Case[] = [
      ...OFF_SITE.map((path) => ({
        name: `GET ${JSON.stringify(path)}?token=…`,
        run: async () => {
          const answer = await raw(editor.port, `GET ${path}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${editor.port}\r\nConnection: close\r\n\r\n`);
          if (!answer) throw new Crash('no answer');
          if (answer.location === undefined) return answer.status >= 400 && answer.status < 500 ? {} : { leaked: `status ${answer.status} without a redirect` };
          const target = URL.canParse(answer.location, origin) ? new URL(answer.location, origin).origin : 'an unreadable address';
          return target === origin ? {} : { leaked: `redirected to ${answer.location}` };
        },
      })),
      ...endpoints.flatMap(([path, type]) => [
        {
          name: `POST ${path} declaring 50 MB`,
          run: async () => {
            const answer = await raw(editor.port, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${editor.port}\r\n${auth}Content-Type: ${type}\r\nContent-Length: ${HUGE}\r\n\r\n`, [Buffer.alloc(1024, ' ')]);
            if (!answer) return { leaked: 'no answer before the body was complete: the server reads it whole' };
            return answer.status === 413 ? {} : { leaked: `status ${answer.status}` };
          },
        },
        {
          name: `POST ${path} chunked past the cap`,
          run: async () => {
            const piece = Buffer.alloc(64 * 1024, ' ');
            const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
            const answer = await raw(editor.port, `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${editor.port}\r\n${auth}Content-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n`, Array.from({ length: 16 }, () => chunk));
            if (!answer) return { leaked: 'no answer to a 1 MB chunked body that never ends' };
            return answer.status === 413 ? {} : { leaked: `status ${answer.status}` };
          },
        },
      ]),
      {
        name: 'POST without the token declaring 50 MB',
        run: async () => {
          const answer = await raw(editor.port, `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:${editor.port}\r\nContent-Type: application/json\r\nContent-Length: ${HUGE}\r\n\r\n`, [Buffer.alloc(1024, ' ')]);
          if (!answer) return { leaked: 'no answer before the body was complete' };
          return answer.status === 401 || answer.status === 413 ? {} : { leaked: `status ${answer.status}` };
        },
      },
    ];
    try {
      return await tally(cases);
    } finally {
      await editor.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
