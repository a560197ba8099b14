// The `fetch` job: one URL, fetched politely by the desk's fetcher (its per-host slots and holds shared with
// every worker), a feed conditionally with its validators and failure streak kept in the store, a page only
// where robots.txt allows it. Doing it twice costs a request, never a second record: the store keeps one
// fetch state per URL.
import { remoteSource, type Fetcher, type FetchStateStore } from '../../fetch/index.js';
import type { JobRequest } from '../types.js';
import type { JobKind } from '../worker.js';

export const FETCH_KIND = 'fetch';

/** A fetch job for `url`: a feed by default, or an article page. Its key is the URL unless another is given. */
export function fetchJob(url: string, options: { page?: boolean; key?: string } = {}): JobRequest {
  return { kind: FETCH_KIND, key: options.key ?? url, data: { url, ...(options.page ? { page: true } : {}) } };
}

export function fetchKind(fetcher: Fetcher, store: FetchStateStore): JobKind {
  return {
    async run(job) {
      const { url, page } = job.data;
      if (typeof url !== 'string' || url === '') throw new Error('fetch job: its data has no "url"; enqueue it with fetchJob(url)');
      // A source per job: robots.txt is then read from the desk's shared rules while they are fresh, not kept for the worker's life.
      const remote = remoteSource(fetcher, store);
      const document = page === true ? await remote.fetchPage(url) : await remote.fetchFeed(url);
      return { url, finalUrl: document.finalUrl, notModified: document.notModified, bytes: document.body.byteLength };
    },
    describe(output) {
      const bytes = Number(output.bytes ?? 0);
      return output.notModified ? `${String(output.url)}: not modified` : `${String(output.url)}: ${bytes.toLocaleString('en-US')} bytes`;
    },
  };
}
