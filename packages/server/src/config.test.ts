import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from './config.js';

describe('limit and protocol settings from the environment', () => {
  it('default to the documented values', () => {
    const c = loadConfig({}, '/tmp');
    expect(c.limits).toEqual(DEFAULT_LIMITS);
    expect(c.limits).toMatchObject({ maxDepth: 12, maxCost: 25_000, statementTimeoutMs: 15_000 });
    expect(c.corsOrigins).toEqual([]);
    expect(c.trustProxyHops).toBe(0);
    expect(c.redisKeyPrefix).toBe('hub:');
  });

  it('are read and checked', () => {
    const c = loadConfig(
      {
        HUB_MAX_DEPTH: '8',
        HUB_MAX_COST: '50_000',
        HUB_RATE_KEY_PER_SECOND: '5',
        HUB_RATE_IP_BURST: '0',
        HUB_STATEMENT_TIMEOUT_MS: '0',
        HUB_CORS_ORIGINS: 'https://a.example.gov.cn, http://localhost:5173',
        HUB_TRUST_PROXY: '1',
      },
      '/tmp',
    );
    expect(c.limits).toMatchObject({
      maxDepth: 8,
      maxCost: 50_000,
      keyPerSecond: 5,
      ipBurst: 0,
      statementTimeoutMs: 0,
    });
    expect(c.corsOrigins).toEqual(['https://a.example.gov.cn', 'http://localhost:5173']);
    expect(c.trustProxyHops).toBe(1);
  });

  it('refuses bad values, naming each variable', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(
        {
          HUB_MAX_DEPTH: 'deep',
          HUB_RATE_IP_PER_SECOND: '0',
          HUB_CORS_ORIGINS: 'example.gov.cn,https://x.cn/path',
          HUB_REDIS_PREFIX: 'a b',
        },
        '/tmp',
      );
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/HUB_MAX_DEPTH must be a whole number from 2 to 100, got "deep"/);
    expect(text).toMatch(/HUB_RATE_IP_PER_SECOND must be a whole number from 1/);
    expect(text).toMatch(/HUB_CORS_ORIGINS .* got "example.gov.cn"/);
    expect(text).toMatch(/HUB_CORS_ORIGINS .* got "https:\/\/x.cn\/path"/);
    expect(text).toMatch(/HUB_REDIS_PREFIX/);
  });
});

describe('HUB_DATABASE_REPLICA_URLS', () => {
  it('is a comma-separated list of PostgreSQL URLs, none by default', () => {
    expect(loadConfig({}, '/tmp').databaseReplicaUrls).toEqual([]);
    const c = loadConfig(
      {
        DATABASE_URL: 'postgresql://hub@primary:5432/hub',
        HUB_DATABASE_REPLICA_URLS: 'postgresql://hub@replica1:5432/hub, postgres://hub@replica2/hub',
      },
      '/tmp',
    );
    expect(c.databaseReplicaUrls).toEqual(['postgresql://hub@replica1:5432/hub', 'postgres://hub@replica2/hub']);
  });

  it('refuses what is not a PostgreSQL URL (password hidden), and replicas without DATABASE_URL', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, '/tmp');
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    const bad = problems({
      DATABASE_URL: 'postgresql://hub@primary/hub',
      HUB_DATABASE_REPLICA_URLS: 'mysql://hub:secret@replica/hub',
    });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain('HUB_DATABASE_REPLICA_URLS');
    expect(bad[0]).not.toContain('secret');
    expect(problems({ HUB_DATABASE_REPLICA_URLS: 'postgresql://hub@replica/hub' })).toEqual([
      expect.stringContaining('HUB_DATABASE_REPLICA_URLS needs DATABASE_URL'),
    ]);
  });
});
