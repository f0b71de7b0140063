import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
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
}

export function createContext(
  orm: MikroORM,
  log: Logger,
  viewer: Viewer = ANONYMOUS,
  session: SessionChannel = NO_SESSION_CHANNEL,
): HubContext {
  return { em: orm.em.fork(), orm, log, viewer, session };
}
