// Which state of the data a cached answer belongs to. Every table the API reads carries a statement trigger
// (migration DataChangeNotify) that sends NOTIFY hub_data_changed with the writing transaction's id; PostgreSQL
// delivers it at commit, to every listening hub process, in commit order. Whoever wrote — a mutation, an
// import, the `hub` command line, psql — each commit moves the version on, and answers cached under an older
// version are never read again.
import crypto from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../common/logger.js';

export const DATA_CHANGED_CHANNEL = 'hub_data_changed';

export interface DataVersion {
  /** The current version, or null while the hub cannot be told about writes (then nothing may be cached). */
  current(): string | null;
  /** After a write by this process: a version of its own at once, so its next read never sees an older answer. */
  bump(): void;
  close(): Promise<void>;
}

/**
 * Told in the same tick as the version moves (db/read-replicas.ts): a request that sees the new version is
 * never answered from a replica that lacks the change.
 */
export interface DataChangeObserver {
  changed(): void;
  listening(): void;
  lost(): void;
}

/**
 * Listens for data changes on a connection of its own. While that connection is down (PostgreSQL restarting)
 * the version is null: writes could be missed, so the cache stands aside until it listens again, and then
 * starts from a fresh version.
 */
export async function listenForDataChanges(
  databaseUrl: string,
  log: Logger,
  observer?: DataChangeObserver,
): Promise<DataVersion> {
  let version: string | null = null;
  let client: pg.Client | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = 500;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    c.on('notification', (n) => {
      if (n.channel !== DATA_CHANGED_CHANNEL) return;
      observer?.changed();
      version = `tx${n.payload}`;
    });
    const lost = (why: string) => {
      if (client !== c) return;
      client = null;
      version = null;
      observer?.lost();
      c.removeAllListeners('end');
      c.end().catch(() => undefined);
      if (!closed) {
        log.warn(`response cache off until the database is back (${why})`);
        schedule();
      }
    };
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('connection ended'));
    try {
      await c.connect();
      await c.query(`listen ${DATA_CHANGED_CHANNEL}`);
    } catch (e) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      throw e;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    retryMs = 500;
    observer?.listening();
    // Writes committed while nobody listened are unknown: start from a version nothing was cached under.
    version = `start-${crypto.randomUUID()}`;
  };

  const schedule = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      connect().then(
        () => log.info('response cache on again: listening for data changes'),
        () => {
          retryMs = Math.min(retryMs * 2, 5_000);
          schedule();
        },
      );
    }, retryMs);
    retryTimer.unref();
  };

  try {
    await connect();
  } catch (e) {
    log.warn(`response cache off until the database answers (${(e as Error).message})`);
    schedule();
  }

  return {
    current: () => version,
    bump: () => {
      if (version !== null) version = `local-${crypto.randomUUID()}`;
    },
    close: async () => {
      closed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = null;
      version = null;
      observer?.lost();
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
