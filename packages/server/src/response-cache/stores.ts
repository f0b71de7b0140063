// Where cached answers live: in the process (bounded, least recently used out first), or in Redis when
// REDIS_URL is set, shared by every hub process. A store that fails (Redis away) is a miss, never an error.
import { Redis } from 'ioredis';
import type { Logger } from '../common/logger.js';

export interface ResponseStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  close(): Promise<void>;
  /** Resolves once the store can answer, or after `ms` (a store that is away is a miss, not a failure). */
  ready(ms?: number): Promise<void>;
  readonly kind: 'memory' | 'redis';
}

/** Answers older than this are dropped even without a write (a bound on memory, not on staleness). */
export const CACHE_TTL_SECONDS = 600;

export function memoryStore(maxBytes = 64 * 2 ** 20): ResponseStore {
  // A Map keeps insertion order: re-inserting on read makes the first key the least recently used.
  const entries = new Map<string, { value: string; expires: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.value.length * 2;
    entries.delete(key);
  };
  return {
    kind: 'memory',
    ready: async () => undefined,
    async get(key) {
      const e = entries.get(key);
      if (!e) return null;
      if (e.expires < Date.now()) {
        drop(key);
        return null;
      }
      entries.delete(key);
      entries.set(key, e);
      return e.value;
    },
    async set(key, value) {
      const size = value.length * 2;
      if (size > maxBytes / 4) return;
      drop(key);
      entries.set(key, { value, expires: Date.now() + CACHE_TTL_SECONDS * 1000 });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    async close() {
      entries.clear();
      bytes = 0;
    },
  };
}

export function redisStore(url: string, log: Logger): ResponseStore {
  // No offline queue and a short timeout: while Redis is away a request computes its answer instead of waiting.
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
    lazyConnect: false,
  });
  let warned = false;
  const failed = (e: Error) => {
    if (!warned) log.warn(`response cache: Redis unavailable, answering without it (${e.message})`);
    warned = true;
  };
  redis.on('error', failed);
  redis.on('ready', () => (warned = false));
  return {
    kind: 'redis',
    ready: (ms = 1000) =>
      redis.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, ms);
            redis.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
    async get(key) {
      try {
        return await redis.get(key);
      } catch (e) {
        failed(e as Error);
        return null;
      }
    },
    async set(key, value) {
      try {
        await redis.set(key, value, 'EX', CACHE_TTL_SECONDS);
      } catch (e) {
        failed(e as Error);
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
