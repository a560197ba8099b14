// What ingest needs from the fetch stage, as an interface: ingest stays testable offline, and the
// pipeline decides how fetching is done (politeness, the store's validators, backing off failing feeds).

export interface RemoteDocument {
  url: string;
  finalUrl: string;
  /** 304: unchanged since the last run; there is no body. */
  notModified: boolean;
  body: Uint8Array;
  contentType?: string | undefined;
  /** The document's own URL when the server names one (Content-Location); the base for relative links. */
  contentLocation?: string | undefined;
}

export interface RemoteSource {
  /** A feed or OPML list: conditional GET, failures counted per URL. */
  fetchFeed(url: string): Promise<RemoteDocument>;
  /** An article page linked from a feed item. */
  fetchPage(url: string): Promise<RemoteDocument>;
}

export interface FetchCounts {
  total: number;
  done: number;
  notModified: number;
  failed: number;
}

/**
 * What a RemoteSource rejects with when the desk itself failed while fetching, not the source: the store that
 * keeps the fetch state and the fleet's politeness could not be reached (a database restarting). Reading stops
 * at once, so that the run (or the worker's job, which is tried again) fails, instead of reporting a source
 * that is fine as failed and leaving its articles out of the run.
 */
export class DeskUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super(`the desk's store failed while fetching: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DeskUnavailable';
  }
}

/** Passes a DeskUnavailable on: a catch that makes a source's failure out of anything else calls this first. */
export function rethrowDeskFailure(error: unknown): void {
  if (error instanceof DeskUnavailable) throw error;
}

/** One line for a fetch error: FetchError and FeedError carry a `reason`, anything else its message. */
export function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'reason' in error) return String((error as { reason: unknown }).reason);
  return error instanceof Error ? error.message : String(error);
}
