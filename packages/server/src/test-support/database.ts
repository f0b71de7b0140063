import crypto from 'node:crypto';
import { inject } from 'vitest';
import { adminQuery, withDatabase } from './templates.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A database of this test file's own, copied from a migrated template, with or without the demo county. */
export async function createTestDatabase(kind: 'demo' | 'empty' = 'demo'): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templates')[kind];
  const name = `hub_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
