#!/usr/bin/env node
// `hub`: the operator's command line. Configuration comes from environment variables (see README).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { StartupError, openDatabase, startHub } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../common/logger.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { createMigration, pendingMigrations } from '../db/migrations.js';
import { registerAuthCommands } from '../modules/auth/auth.cli.js';
import { registerExportCommand } from '../modules/export/export.cli.js';
import { registerImportCommands } from '../modules/import/import.cli.js';
import { registerTrustedDocumentCommands } from '../modules/trusted-document/trusted-document.cli.js';

const program = new Command('hub')
  .description('县域安全生产监管数据中枢 — County work-safety supervision hub')
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Environment:
  PORT           HTTP port (default 4000)
  HOST           address to listen on (default 0.0.0.0)
  DATABASE_URL   PostgreSQL to use; unset = embedded PostgreSQL under HUB_DATA_DIR
  HUB_DATA_DIR   data directory of the embedded PostgreSQL (default .data)
  HUB_DEMO       load the demo county into an empty database on start (default true)
  HUB_RESPONSE_CACHE  cache answers of statistics queries until the next write (default true)
  REDIS_URL      shared state for several processes (optional)
  HUB_TOKEN      API key for commands that go through a running hub (hub import)
  HUB_MAX_DEPTH, HUB_MAX_COST, HUB_RATE_KEY_PER_SECOND, HUB_RATE_KEY_BURST, HUB_RATE_IP_PER_SECOND,
  HUB_RATE_IP_BURST, HUB_STATEMENT_TIMEOUT_MS, HUB_CORS_ORIGINS, HUB_TRUST_PROXY
                 limits and HTTP protocol settings (see docs/api.md)
  LOG_LEVEL      debug | info | warn | error (default info)`,
  );

function positiveInt(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function setup() {
  const config = loadConfig();
  return { config, log: createLogger(config.logLevel) };
}

program
  .command('start')
  .description('Start the hub: database, migrations, demo data when empty, GraphQL and dashboard')
  .option('--workers <n>', 'server processes sharing the port, the database and Redis (default 1)', positiveInt)
  .action(async (opts: { workers?: number }) => {
    const { config, log } = setup();
    const workers = opts.workers ?? 1;
    const isWorker = process.env.HUB_WORKER === '1';
    const { startPrimary } = await import('../cluster.js');
    const hub = workers > 1 && !isWorker ? await startPrimary(config, log, workers) : await startHub(config, log);
    if (!isWorker)
      process.stdout.write(
        `\n  安全生产监管数据中枢已启动 / The hub is running\n` +
          `  仪表盘 Dashboard:  ${hub.url}/\n` +
          `  GraphQL:           ${hub.url}/graphql\n` +
          `  健康 Health:       ${hub.url}/healthz  ${hub.url}/readyz\n` +
          `  按 Ctrl-C 停止 / Press Ctrl-C to stop\n\n`,
      );
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal} received: stopping (in-flight requests finish first)`);
      await hub.stop();
      log.info('stopped cleanly');
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    // Ctrl-C reaches every process of the group: a worker waits for the primary's SIGTERM, in order.
    process.on('SIGINT', () => void (isWorker ? undefined : stop('SIGINT')));
    process.on('SIGHUP', () => void (isWorker ? undefined : stop('SIGHUP')));
  });

program
  .command('migrate')
  .description('Apply pending migrations and exit')
  .action(async () => {
    const { config, log } = setup();
    const db = await openDatabase(config, log);
    const pending = await pendingMigrations(db.orm);
    log.info(pending.length ? `still pending: ${pending.join(', ')}` : 'the database is up to date');
    await db.close();
  });

program
  .command('seed')
  .description('Load the demo county into an empty database, or generate benchmark data with --scale')
  .option(
    '--scale <accidents>',
    'generate this many accidents and 5× as many hazards (streamed with COPY)',
    positiveInt,
  )
  .action(async (opts: { scale?: number }) => {
    const { config, log } = setup();
    const db = await openDatabase(config, log);
    try {
      if (opts.scale) {
        const { seedAtScale } = await import('../demo/scale.js');
        const started = Date.now();
        await seedAtScale(db.orm.em.getKnex(), opts.scale, (m) => log.info(m));
        log.info(`seeded ${opts.scale} accidents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } else {
        const { loadDemoIfEmpty } = await import('../demo/demo-on-start.js');
        if (!(await loadDemoIfEmpty(db.orm, log))) {
          throw new StartupError(
            '数据库已有数据，未加载演示数据 / the database already has data; the demo county is only loaded into an empty one',
          );
        }
      }
    } finally {
      await db.close();
    }
  });

program
  .command('generate')
  .description('Write the generated files: the SDL in packages/schema/schema.graphql')
  .option('--check', 'do not write; fail when a generated file is stale')
  .action(async (opts: { check?: boolean }) => {
    const { hubSdl } = await import('../graphql/schema.js');
    const { SDL_PATH } = await import('../graphql/sdl-path.js');
    const sdl = await hubSdl();
    const current = fs.existsSync(SDL_PATH) ? fs.readFileSync(SDL_PATH, 'utf8') : '';
    if (opts.check) {
      if (current !== sdl)
        throw new StartupError(`${path.relative(process.cwd(), SDL_PATH)} is stale: run pnpm generate`);
      process.stdout.write('generated files are current\n');
    } else {
      fs.writeFileSync(SDL_PATH, sdl);
      process.stdout.write(`wrote ${SDL_PATH}\n`);
    }
  });

program
  .command('migration:create')
  .description('(developers) Write a migration for the difference between the entities and the migrated database')
  .option('--name <name>', 'a short name for the migration')
  .action(async (opts: { name?: string }) => {
    const { config, log } = setup();
    const db = await openDatabase(config, log);
    try {
      const file = await createMigration(db.orm, opts.name);
      process.stdout.write(
        file ? `wrote ${file}; run pnpm build to compile it\n` : 'no changes: no migration needed\n',
      );
    } finally {
      await db.close();
    }
  });

registerImportCommands(program);
registerExportCommand(program);
registerAuthCommands(program);
registerTrustedDocumentCommands(program);

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof StartupError || e instanceof DataDirInUseError) {
    process.stderr.write(`hub: ${e.message}\n`);
  } else {
    process.stderr.write(`hub: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
  }
  process.exit(1);
});
