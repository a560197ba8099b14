// Only http(s) addresses leave the desk. An item link may say `javascript:`, `data:`, `file:` or
// `vbscript:`; published as a link, clicking it runs script or opens a local file. Ingest drops such
// links (the article keeps an empty URL) and every writer checks again before it publishes one.

const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True for an absolute http(s) URL, and only for one (the WHATWG parser decides, as a browser would). */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return WEB_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** `url` when it is an absolute http(s) URL, else '' (what the model uses for "no URL known"). */
export function webUrl(url: string | undefined): string {
  return isWebUrl(url) ? url : '';
}

/** The scheme of a URL that is not http(s), for a message that names it without repeating the link. */
export function schemeOf(url: string): string {
  const match = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? `${match[1]!.toLowerCase()}:` : 'relative';
}
