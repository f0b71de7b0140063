// An API key for a hub the tests start as a process: made with the command line, as a county's ADMIN would.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/server/dist/cli/main.js');

/** A new key (`hub token create`) in the database at `databaseUrl`; an ANALYST unless said otherwise. */
export function createToken(databaseUrl: string, role = 'ANALYST', name = 'tests'): string {
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  delete env.NODE_ENV;
  return execFileSync(process.execPath, [CLI, 'token', 'create', '--role', role, '--name', name], { env })
    .toString()
    .trim();
}
