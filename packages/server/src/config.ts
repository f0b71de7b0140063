// Configuration comes from environment variables only, checked once at start-up with a message per problem.
import path from 'node:path';

export interface HubConfig {
  /** PostgreSQL to use; when absent the hub runs its own embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  /** PostgreSQL streaming replicas of `databaseUrl` for analytics reads (db/read-replicas.ts); empty = none. */
  databaseReplicaUrls: string[];
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  port: number;
  host: string;
  /** Shared state for several processes (rate limits, caches), when set. */
  redisUrl: string | null;
  /** Prefix of the hub's Redis keys, so several hubs (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Load the demo county into an empty database on start. */
  demoOnEmpty: boolean;
  /** What protects the database from one caller (see docs/api.md for why these numbers). */
  limits: LimitsConfig;
  /** Origins (scheme://host[:port]) whose pages may call the API from a browser; empty = same origin only. */
  corsOrigins: string[];
  /** How many reverse proxies in front of the hub append to X-Forwarded-For; 0 = use the socket's address. */
  trustProxyHops: number;
  /** Cache whole answers of statistics queries until the next write (src/response-cache). */
  responseCache: boolean;
}

export interface LimitsConfig {
  /** Deepest selection nesting an operation may have. */
  maxDepth: number;
  /** Largest estimated cost of an operation: fields, times `first` for each page of a list. */
  maxCost: number;
  /** Sustained requests per second for one API key or signed-in person; `keyBurst` more may come at once. */
  keyPerSecond: number;
  keyBurst: number;
  /** The same for callers without a key, counted by client address. */
  ipPerSecond: number;
  ipBurst: number;
  /** PostgreSQL statement_timeout for the server's connections, in milliseconds; 0 = none. */
  statementTimeoutMs: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 12,
  maxCost: 25_000,
  keyPerSecond: 10,
  keyBurst: 100,
  ipPerSecond: 20,
  ipBurst: 200,
  statementTimeoutMs: 15_000,
};

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

  const databaseReplicaUrls: string[] = [];
  for (const raw of (env.HUB_DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)) {
    let ok = false;
    try {
      ok = ['postgres:', 'postgresql:'].includes(new URL(raw).protocol);
    } catch {
      ok = false;
    }
    if (ok) databaseReplicaUrls.push(raw);
    else
      problems.push(
        `HUB_DATABASE_REPLICA_URLS must be a comma-separated list like postgresql://user@replica1:5432/dbname, got "${redact(raw)}"`,
      );
  }
  if (databaseReplicaUrls.length && !databaseUrl)
    problems.push(
      'HUB_DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow a primary the hub does not run itself',
    );

  let redisUrl: string | null = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL must start with redis:// or rediss://, got "${redact(redisUrl)}"`);
    redisUrl = null;
  }

  const redisKeyPrefix = env.HUB_REDIS_PREFIX?.trim() || 'hub:';
  if (!/^[\w:.-]{1,64}$/.test(redisKeyPrefix)) {
    problems.push(
      `HUB_REDIS_PREFIX must be 1 to 64 letters, digits, ':', '.', '_' or '-', got "${env.HUB_REDIS_PREFIX}"`,
    );
  }

  const logLevel = (env.LOG_LEVEL || 'info') as HubConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of debug, info, warn, error, got "${env.LOG_LEVEL}"`);
  }

  const demo = (env.HUB_DEMO ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(demo))
    problems.push(`HUB_DEMO must be true or false, got "${env.HUB_DEMO}"`);

  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const limits: LimitsConfig = {
    maxDepth: whole('HUB_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
    maxCost: whole('HUB_MAX_COST', DEFAULT_LIMITS.maxCost, 100, 100_000_000),
    keyPerSecond: whole('HUB_RATE_KEY_PER_SECOND', DEFAULT_LIMITS.keyPerSecond, 1, 100_000),
    keyBurst: whole('HUB_RATE_KEY_BURST', DEFAULT_LIMITS.keyBurst, 0, 1_000_000),
    ipPerSecond: whole('HUB_RATE_IP_PER_SECOND', DEFAULT_LIMITS.ipPerSecond, 1, 100_000),
    ipBurst: whole('HUB_RATE_IP_BURST', DEFAULT_LIMITS.ipBurst, 0, 1_000_000),
    statementTimeoutMs: whole('HUB_STATEMENT_TIMEOUT_MS', DEFAULT_LIMITS.statementTimeoutMs, 0, 3_600_000),
  };
  const trustProxyHops = whole('HUB_TRUST_PROXY', 0, 0, 10);

  const corsOrigins: string[] = [];
  for (const raw of (env.HUB_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)) {
    let origin: string | null = null;
    try {
      const u = new URL(raw);
      if (['http:', 'https:'].includes(u.protocol) && u.origin === raw.replace(/\/$/, '')) origin = u.origin;
    } catch {
      origin = null;
    }
    if (origin) corsOrigins.push(origin);
    else
      problems.push(
        `HUB_CORS_ORIGINS must be a comma-separated list of origins like https://dash.example.gov.cn, got "${raw}"`,
      );
  }
  const responseCache = (env.HUB_RESPONSE_CACHE ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(responseCache))
    problems.push(`HUB_RESPONSE_CACHE must be true or false, got "${env.HUB_RESPONSE_CACHE}"`);

  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl,
    databaseReplicaUrls,
    dataDir: path.resolve(cwd, env.HUB_DATA_DIR || '.data'),
    port,
    host: env.HOST || '0.0.0.0',
    redisUrl,
    redisKeyPrefix,
    logLevel,
    demoOnEmpty: demo === 'true' || demo === '1',
    limits,
    corsOrigins,
    trustProxyHops,
    responseCache: responseCache === 'true' || responseCache === '1',
  };
}

/** Hides a password in a connection URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
