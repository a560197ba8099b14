// A real editor for tests: the real pipeline fills a temporary SQLite database from the original fixture
// articles in test/fixtures/editor/, and the real server listens on a random loopback port.
// The fixtures are original fiction: two publishers on one bridge story, a library levy, and two hostile
// articles (script tags, event handlers and javascript: links in the title, the text and the page URL).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, runSettings } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { startEditor, type RunningEditor } from '../../src/web/server.js';
import type { Runner } from '../../src/web/runs.js';
import { newToken } from '../../src/web/security.js';
import { tempDir } from './cli.js';

export const EDITOR_FIXTURES = fileURLToPath(new URL('../fixtures/editor/', import.meta.url));

export interface TestEditor extends RunningEditor {
  token: string;
  /** The output folder the editor's decisions and runs publish to. */
  outDir: string;
  store: Store;
  /** Stops the server and closes the store. */
  stop(): Promise<void>;
}

/** `runner` replaces the in-thread run for runs started from the editor (which read the same fixtures). */
export async function startTestEditor({ runner }: { runner?: Runner } = {}): Promise<TestEditor> {
  const dir = tempDir('newsdesk-editor-');
  const store = openSqliteStore(join(dir, 'newsdesk.db'));
  await runPipeline(
    {
      inputs: [EDITOR_FIXTURES],
      outDir: join(dir, 'out'),
      settings: runSettings(DEFAULT_CONFIG),
      now: '2026-11-23T08:00:00.000Z',
    },
    store,
  );
  const token = newToken();
  const editor = await startEditor({
    store,
    token,
    host: '127.0.0.1',
    port: 0,
    now: () => '2026-11-23T09:30:00.000Z',
    run: { inputs: [EDITOR_FIXTURES], outDir: join(dir, 'out'), settings: runSettings(DEFAULT_CONFIG) },
    ...(runner ? { runner } : {}),
  });
  return {
    ...editor,
    token,
    outDir: join(dir, 'out'),
    store,
    stop: async () => {
      await editor.close();
      await store.close();
    },
  };
}
