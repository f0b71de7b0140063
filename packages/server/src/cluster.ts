// `hub start --workers N`: N server processes (node:cluster) sharing one port, one PostgreSQL and, when
// REDIS_URL is set, one response cache. The primary opens the database once — starting the embedded
// PostgreSQL when there is no DATABASE_URL, migrating, loading the demo — then runs the workers against it
// and stops them before it stops the database.
import cluster, { type Worker } from 'node:cluster';
import { openDatabase } from './app.js';
import type { HubConfig } from './config.js';
import type { Logger } from './common/logger.js';
import { loadDemoIfEmpty } from './demo/demo-on-start.js';

export async function startPrimary(
  config: HubConfig,
  log: Logger,
  workers: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const db = await openDatabase(config, log);
  if (config.demoOnEmpty) await loadDemoIfEmpty(db.orm, log);
  const databaseUrl = db.orm.config.get('clientUrl')!;
  // The primary serves nothing: its pool stays empty (min 0) while the workers run.
  let stopping = false;
  const fork = (): Worker => cluster.fork({ DATABASE_URL: databaseUrl, HUB_DEMO: 'false', HUB_WORKER: '1' });
  const running = new Set<Worker>();
  const listening = new Promise<number>((resolve, reject) => {
    let ready = 0;
    cluster.on('listening', (_worker, address) => {
      if (++ready === workers) resolve(address.port);
    });
    cluster.on('exit', (worker, code, signal) => {
      running.delete(worker);
      if (stopping) return;
      if (ready < workers) return reject(new Error(`a worker exited while starting (code ${code ?? signal})`));
      log.warn(`worker ${worker.process.pid} exited (${code ?? signal}); starting another`);
      running.add(fork());
    });
  });
  for (let i = 0; i < workers; i++) running.add(fork());
  let port: number;
  try {
    port = await listening;
  } catch (e) {
    stopping = true;
    for (const w of running) w.process.kill('SIGTERM');
    await db.close();
    throw e;
  }
  log.info(`${workers} workers listening on port ${port}`);
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      stopping = true;
      const exits = [...running].map((w) => new Promise((resolve) => w.once('exit', resolve)));
      for (const w of running) w.process.kill('SIGTERM');
      await Promise.all(exits);
      log.info('workers stopped');
      await db.close();
      log.info('database closed');
    },
  };
}
