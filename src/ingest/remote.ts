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

/** One line for a fetch error: FetchError and FeedError carry a `reason`, anything else its message. */
export function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'reason' in error) return String((error as { reason: unknown }).reason);
  return error instanceof Error ? error.message : String(error);
}
