// Starting and stopping the whole hub: PostgreSQL (embedded or given), migrations, demo data, HTTP.
import fs from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type HubConfig, redact } from './config.js';
import type { Logger } from './common/logger.js';
import { DataDirLock } from './db/data-dir-lock.js';
import { type RunningPostgres, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrateUp } from './db/migrations.js';
import { openOrm } from './db/orm.js';
import { ReadReplicas } from './db/read-replicas.js';
import { loadDemoIfEmpty } from './demo/demo-on-start.js';
import { createHttpServer, type HubHttpServer } from './http/server.js';
import { type DataChangeObserver, type DataVersion, listenForDataChanges } from './response-cache/data-version.js';
import { type ResponseCache, startResponseCache } from './response-cache/response-cache.js';

/** How long stopping waits for the database pool's busy connections after the HTTP grace period. */
const POOL_CLOSE_TIMEOUT_MS = 3_000;

/** A failure the operator can fix, told in one line, without a stack trace. */
export class StartupError extends Error {}

export interface RunningHub {
  url: string;
  port: number;
  orm: MikroORM;
  stop(): Promise<void>;
}

/** mkdir -p, one level at a time: Node 20's recursive mkdirSync never returns under some paths (e.g. /proc). */
function makeDirs(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  fs.mkdirSync(dir);
}

function ensureWritableDir(dir: string): void {
  try {
    makeDirs(dir);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new StartupError(
      `数据目录 ${dir} 无法创建或不可写 / the data directory ${dir} cannot be created or written (${(e as NodeJS.ErrnoException).code}); set HUB_DATA_DIR to a writable directory`,
    );
  }
}

/** Opens the database and applies migrations; shared by `hub start`, `hub migrate` and `hub seed`. */
export async function openDatabase(
  config: HubConfig,
  log: Logger,
  // Only the server's connections get the statement timeout: `hub migrate`, `seed --scale` and CLI imports
  // may rightly run long.
  { statementTimeoutMs = 0 }: { statementTimeoutMs?: number } = {},
): Promise<{ orm: MikroORM; lock: DataDirLock | null; close(): Promise<void> }> {
  let lock: DataDirLock | null = null;
  let pg: RunningPostgres | null = null;
  let url = config.databaseUrl;
  if (!url) {
    ensureWritableDir(config.dataDir);
    lock = DataDirLock.acquire(config.dataDir);
    try {
      pg = await startEmbeddedPostgres(config.dataDir, log);
    } catch (e) {
      lock.release();
      throw new StartupError((e as Error).message);
    }
    url = pg.url;
    log.info(`embedded PostgreSQL running on 127.0.0.1:${pg.port}, data in ${config.dataDir}`);
  }
  let orm: MikroORM;
  try {
    const replicas = config.databaseReplicaUrls.map((clientUrl, i) => ({ name: `replica${i + 1}`, clientUrl }));
    orm = await openOrm(url, replicas.length ? { replicas } : {}, statementTimeoutMs);
    await orm.em.getConnection().execute('select 1');
  } catch (e) {
    await pg?.stop();
    lock?.release();
    throw new StartupError(
      `无法连接数据库 / cannot connect to the database at ${redact(url)}: ${(e as Error).message}`,
    );
  }
  const applied = await migrateUp(orm);
  if (applied.length) log.info(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  return {
    orm,
    lock,
    close: async () => {
      // A query that never ends (e.g. waiting on someone else's lock) would keep the pool from closing, and
      // the hub from stopping: wait a bounded time, then go on (PostgreSQL ends the session when we exit).
      const closed = await Promise.race([
        orm.close(true).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), POOL_CLOSE_TIMEOUT_MS).unref()),
      ]);
      if (closed) log.debug('database connections closed');
      else log.warn(`database connections still busy after ${POOL_CLOSE_TIMEOUT_MS} ms; stopping without them`);
      await pg?.stop();
      if (pg) log.debug('embedded PostgreSQL stopped');
      lock?.release();
    },
  };
}

export async function startHub(config: HubConfig, log: Logger): Promise<RunningHub> {
  const db = await openDatabase(config, log, { statementTimeoutMs: config.limits.statementTimeoutMs });
  let http: HubHttpServer | undefined;
  let responseCache: ResponseCache | undefined;
  /** Listens for writes for the replicas when the response cache does not. */
  let writes: DataVersion | undefined;
  let readReplicas: ReadReplicas | null = null;
  try {
    if (config.demoOnEmpty) await loadDemoIfEmpty(db.orm, log);
    const replicas = (readReplicas = ReadReplicas.of(db.orm, config.databaseReplicaUrls, log));
    const observer: DataChangeObserver | undefined = replicas
      ? {
          changed: () => replicas.noteWrite(),
          listening: () => replicas.listenerConnected(),
          lost: () => replicas.listenerLost(),
        }
      : undefined;
    const clientUrl = db.orm.config.get('clientUrl')!;
    if (config.responseCache) responseCache = await startResponseCache(clientUrl, config.redisUrl, log, observer);
    else if (observer) writes = await listenForDataChanges(clientUrl, log, observer);
    if (readReplicas)
      log.info(
        `analytics reads may use ${config.databaseReplicaUrls.length} read replica(s) once they have every write`,
      );
    http = await createHttpServer(db.orm, log, {
      limits: config.limits,
      redisUrl: config.redisUrl,
      redisKeyPrefix: config.redisKeyPrefix,
      corsOrigins: config.corsOrigins,
      trustProxyHops: config.trustProxyHops,
      responseCache,
      readReplicas: readReplicas ?? undefined,
    });
    let port: number;
    try {
      port = await http.listen(config.port, config.host);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new StartupError(
        code === 'EADDRINUSE'
          ? `端口 ${config.port} 已被占用 / port ${config.port} is already in use; stop what uses it or set PORT`
          : `无法在 ${config.host}:${config.port} 上监听 / cannot listen on ${config.host}:${config.port}: ${code}`,
      );
    }
    db.lock?.setPort(port);
    // Uploads are removed once imported or a day after upload (see import.service.ts).
    const { sweepStaleFiles } = await import('./modules/import/import.service.js');
    const sweeper = sweepStaleFiles(db.orm.em.getKnex(), (e) =>
      log.warn('removing stale uploads failed', { message: e.message }),
    );
    return {
      url: `http://localhost:${port}`,
      port,
      orm: db.orm,
      stop: async () => {
        sweeper.stop();
        await http?.close();
        log.info('HTTP server closed');
        await responseCache?.close();
        await writes?.close();
        readReplicas?.close();
        await db.close();
        log.info('database closed');
      },
    };
  } catch (e) {
    await http?.close().catch(() => undefined);
    await responseCache?.close();
    await writes?.close();
    readReplicas?.close();
    await db.close();
    throw e;
  }
}
