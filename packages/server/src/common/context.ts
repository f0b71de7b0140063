import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { scopeEntityManager } from './township-scope.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** What sign-in and sign-out need of the HTTP exchange: the session cookie in and out. */
export interface SessionChannel {
  /** The token of the session cookie that signed the viewer in, if any. */
  sessionToken: string | null;
  /** The request came over https: the cookie gets the Secure flag. */
  secure: boolean;
  /** Adds a Set-Cookie header to the answer. */
  setCookie(cookie: string): void;
}

export const NO_SESSION_CHANNEL: SessionChannel = Object.freeze({
  sessionToken: null,
  secure: false,
  setCookie: () => undefined,
});

/** What every resolver gets: a forked EntityManager of its own (its identity map lives one request). */
export interface HubContext {
  em: EntityManager;
  orm: MikroORM;
  log: Logger;
  viewer: Viewer;
  session: SessionChannel;
  /** The caller's IP address (for the audit trail and rate limits); absent outside HTTP (tests, the command line). */
  clientIp?: string | null;
}

/** The request's context; its EntityManager already sees only the viewer's township (see township-scope.ts). */
export function createContext(
  orm: MikroORM,
  log: Logger,
  viewer: Viewer = ANONYMOUS,
  session: SessionChannel = NO_SESSION_CHANNEL,
  clientIp: string | null = null,
): HubContext {
  return { em: scopeEntityManager(orm.em.fork(), viewer) as EntityManager, orm, log, viewer, session, clientIp };
}
