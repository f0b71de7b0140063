// The one Redis connection of a process, when REDIS_URL is set: state that several server processes share
// (rate-limit counters, the persisted-query cache).
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    // A request must not hang while Redis is away: commands fail fast and the callers fall back to memory.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  let warned = false;
  redis.on('error', (e: Error) => {
    if (!warned)
      log.warn('Redis unreachable; limits and caches fall back to this process alone', { message: e.message });
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) log.info('Redis reachable again');
    warned = false;
  });
  return redis;
}
