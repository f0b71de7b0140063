// Configuration comes from environment variables only, checked once at start-up with a message per problem.
import path from 'node:path';

export interface HubConfig {
  /** PostgreSQL to use; when absent the hub runs its own embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  port: number;
  host: string;
  /** Shared state for several processes (rate limits, caches), when set. */
  redisUrl: string | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Load the demo county into an empty database on start. */
  demoOnEmpty: boolean;
  /** Cache whole answers of statistics queries until the next write (src/response-cache). */
  responseCache: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 / configuration problem:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HubConfig {
  const problems: string[] = [];

  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('protocol');
    } catch {
      problems.push(`DATABASE_URL must look like postgresql://user@host:5432/dbname, got "${redact(databaseUrl)}"`);
      databaseUrl = null;
    }
  }

  let redisUrl: string | null = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL must start with redis:// or rediss://, got "${redact(redisUrl)}"`);
    redisUrl = null;
  }

  const logLevel = (env.LOG_LEVEL || 'info') as HubConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of debug, info, warn, error, got "${env.LOG_LEVEL}"`);
  }

  const demo = (env.HUB_DEMO ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(demo))
    problems.push(`HUB_DEMO must be true or false, got "${env.HUB_DEMO}"`);

  const responseCache = (env.HUB_RESPONSE_CACHE ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(responseCache))
    problems.push(`HUB_RESPONSE_CACHE must be true or false, got "${env.HUB_RESPONSE_CACHE}"`);

  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl,
    dataDir: path.resolve(cwd, env.HUB_DATA_DIR || '.data'),
    port,
    host: env.HOST || '0.0.0.0',
    redisUrl,
    logLevel,
    demoOnEmpty: demo === 'true' || demo === '1',
    responseCache: responseCache === 'true' || responseCache === '1',
  };
}

/** Hides a password in a connection URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
