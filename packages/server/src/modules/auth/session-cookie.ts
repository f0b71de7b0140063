// The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure when
// the request came over https (directly or through a proxy that says so), scoped to the whole site.
import type http from 'node:http';

export const SESSION_COOKIE = 'hub_session';
/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ...and after this long in any case. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The session token in the request's Cookie header, if any. */
export function sessionTokenOf(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function isHttps(req: http.IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https';
}

/** Set-Cookie for a new session; the browser keeps it until the session's absolute end. */
export function sessionCookie(token: string, secure: boolean, maxAgeMs = SESSION_LIFETIME_MS): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Set-Cookie that removes the session cookie (sign-out, or a session that has ended). */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', secure, 0);
}
