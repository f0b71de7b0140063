// One PostgreSQL for the whole test run: the machine's (TEST_DATABASE_URL or DATABASE_URL) or an embedded one
// started here. Two template databases are prepared once, migrated, one with the demo county; each test
// file then copies the one it needs (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../common/logger.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { adminQuery, prepareTemplates } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templates: { empty: string; demo: string };
  }
}

let embedded: RunningPostgres | undefined;
let tmp: string | undefined;
let cleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
    embedded = await startEmbeddedPostgres(tmp, createLogger('warn'));
    adminUrl = embedded.url;
  }
  const templates = await prepareTemplates(adminUrl);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templates', templates);
  const admin = adminUrl;
  cleanup = async () => {
    for (const name of Object.values(templates))
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
  };
}

export async function teardown(): Promise<void> {
  await cleanup?.().catch(() => undefined);
  await embedded?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
