// Database URLs as they may be shown: never with their password. Kept apart from the driver so that the
// store factory can name a database without loading `pg`.

/** `postgres://…` and `postgresql://…` select this backend. */
export const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** The URL as it may be printed: the password, if any, replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
  }
}

/** An error from the driver or the server, with the URL's password taken out wherever it was repeated. */
export function redactError(url: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // An unparsable URL: the driver's message names no part of it.
  }
  return password ? message.split(password).join('***') : message;
}
