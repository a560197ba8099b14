// Who may talk to the editor: the access token (query once, then an HttpOnly cookie, or a Bearer header),
// same-origin and a CSRF token on every state change, and a Content-Security-Policy with no inline script.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const TOKEN_COOKIE = 'newsdesk_token';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = 'csrf';

/** 24 random bytes: 192 bits is far beyond guessing over a loopback socket, and still fits a URL comfortably. */
const TOKEN_BYTES = 24;

/**
 * Script and style only from our own /assets paths, nothing inline, no plugins, no framing, forms and fetches
 * only to ourselves: article text that slipped past escaping still could not run or phone home.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The CSRF token is derived from the access token, so it needs no server-side session and dies with the token. */
export function csrfFor(token: string): string {
  return createHmac('sha256', token).update('newsdesk csrf').digest('base64url');
}

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which the
    // same-origin check must refuse. Outbound links still carry no referrer.
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-store');
  };
}

/**
 * The path and query of `url` as a Location that cannot leave the editor: `GET //evil.example/?token=…`
 * has the path `//evil.example/`, which a browser reads as another host (so does `/\evil.example`, which
 * the URL parser turns into `//evil.example`). Leading slashes collapse to one; anything that still
 * resolves elsewhere goes to the board.
 */
export function sameOriginPath(url: URL): string {
  const location = `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
  return new URL(location, url.origin).origin === url.origin ? location : '/';
}

/**
 * Token check for every request. A page visited with `?token=` that matches sets the cookie and redirects to
 * the same address without the token, so it does not stay in history or the address bar.
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (c.req.method === 'GET' && same(fromQuery, token)) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(sameOriginPath(url), 303);
    }
    if (same(getCookie(c, TOKEN_COOKIE), token) || same(bearer(c), token)) return next();
    const api = url.pathname.startsWith('/api/');
    return api
      ? c.json({ error: 'missing or wrong access token: open the address newsdesk serve printed' }, 401)
      : c.text('newsdesk editor: open the address that "newsdesk serve" printed (it carries the access token).', 401);
  };
}

/**
 * State changes must come from our own pages: the browser's Origin / Sec-Fetch-Site must not name another
 * site, and the request must carry the CSRF token (header for fetch, form field for plain forms).
 */
export function requireSameOrigin(token: string): MiddlewareHandler {
  const csrf = csrfFor(token);
  return async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== own)) {
      return c.json({ error: 'cross-origin request refused' }, 403);
    }
    let presented = c.req.header(CSRF_HEADER);
    if (presented === undefined && (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
      const field = (await c.req.parseBody())[CSRF_FIELD];
      presented = typeof field === 'string' ? field : undefined;
    }
    if (!same(presented, csrf)) return c.json({ error: 'missing or wrong CSRF token: reload the page' }, 403);
    return next();
  };
}
