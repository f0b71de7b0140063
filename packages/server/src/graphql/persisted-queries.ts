// Automatic persisted queries (APQ): a client sends a query's SHA-256 alone once the hub has seen its text.
// With REDIS_URL every server process shares the hashes; otherwise each keeps them in its bounded memory cache.
import type { ApolloServerOptions } from '@apollo/server';
import type { Redis } from 'ioredis';
import type { HubContext } from '../common/context.js';

type PersistedQueryCache = NonNullable<
  Exclude<ApolloServerOptions<HubContext>['persistedQueries'], false | undefined>['cache']
>;

/** How long a query's text stays known after it was last registered. */
export const PERSISTED_QUERY_TTL_SECONDS = 7 * 24 * 3600;

export function redisPersistedQueryCache(redis: Redis, prefix: string): PersistedQueryCache {
  return {
    async get(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch {
        return undefined; // Redis away: the client gets PersistedQueryNotFound and sends the text again
      }
    },
    async set(key, value, options) {
      const ttl = options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS;
      await redis.set(prefix + key, value, 'EX', Math.max(1, Math.round(ttl)));
    },
    async delete(key) {
      return (await redis.del(prefix + key)) > 0;
    },
  };
}
