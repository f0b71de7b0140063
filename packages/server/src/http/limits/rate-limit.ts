// Rate limits per caller: an API key or signed-in person is counted by its id, anyone else by client address.
// rate-limiter-flexible keeps the counters, in this process's memory or, with Redis, shared by every process
// of the hub, so two processes behind a load balancer enforce one limit. Each caller gets a sustained rate per
// second plus a burst allowance per minute (BurstyRateLimiter): a dashboard page fires a dozen queries at once.
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { LimitsConfig } from '../../config.js';
import type { Viewer } from '../../common/viewer.js';

export const RATE_LIMITED = 'RATE_LIMITED';

/** Why a request was refused: which limit, its value, and when to come back. */
export interface RateLimitRefusal {
  limit: 'keyRate' | 'ipRate';
  /** Sustained requests per second and the burst allowance per minute of that limit. */
  perSecond: number;
  burstPerMinute: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one request of this caller; null when it may go on, else why not. */
  check(viewer: Viewer, ip: string): Promise<RateLimitRefusal | null>;
}

function bursty(perSecond: number, burstPerMinute: number, keyPrefix: string, redis: Redis | null): BurstyRateLimiter {
  const make = (points: number, duration: number, prefix: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ points, duration, keyPrefix: prefix });
    if (!redis) return memory;
    // While Redis is away each process limits alone (the insurance limiter) rather than refusing everyone.
    return new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: prefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  return new BurstyRateLimiter(
    make(perSecond, 1, `${keyPrefix}:rate`),
    // points 0 would mean "no burst"; the library needs at least one point, so a burst of 0 is one per minute.
    make(Math.max(burstPerMinute, 1), 60, `${keyPrefix}:burst`),
  );
}

export function createRateLimiter(limits: LimitsConfig, redis: Redis | null, keyPrefix = 'hub:rl'): RateLimiter {
  const byCaller = bursty(limits.keyPerSecond, limits.keyBurst, `${keyPrefix}:caller`, redis);
  const byAddress = bursty(limits.ipPerSecond, limits.ipBurst, `${keyPrefix}:ip`, redis);
  return {
    async check(viewer, ip) {
      const identified = viewer.kind !== 'anonymous' && viewer.id !== null;
      try {
        if (identified) await byCaller.consume(`${viewer.kind}:${viewer.id}`);
        else await byAddress.consume(ip);
        return null;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        return {
          limit: identified ? 'keyRate' : 'ipRate',
          perSecond: identified ? limits.keyPerSecond : limits.ipPerSecond,
          burstPerMinute: identified ? limits.keyBurst : limits.ipBurst,
          retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
        };
      }
    },
  };
}

/** The refusal as a GraphQL error (HTTP 429 with Retry-After is the caller's job). */
export function rateLimitError(r: RateLimitRefusal) {
  const who =
    r.limit === 'keyRate'
      ? { zh: '每个密钥/用户', en: 'per API key or user' }
      : { zh: '每个IP地址', en: 'per client address' };
  return {
    message:
      `请求过于频繁：${who.zh}限每秒 ${r.perSecond} 次（另加每分钟 ${r.burstPerMinute} 次突发），请 ${r.retryAfterSeconds} 秒后重试 / ` +
      `rate limit ${who.en} exceeded: ${r.perSecond} requests per second (plus a burst of ${r.burstPerMinute} per minute); retry after ${r.retryAfterSeconds} s`,
    extensions: {
      code: RATE_LIMITED,
      limit: r.limit,
      perSecond: r.perSecond,
      burstPerMinute: r.burstPerMinute,
      retryAfterSeconds: r.retryAfterSeconds,
    },
  };
}
