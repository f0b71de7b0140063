// Fails when the generated client types (src/graphql/generated/) no longer match the SDL or the operations:
// run `pnpm --filter @hub/web codegen` and commit the result.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('..', import.meta.url));

describe('generated GraphQL client types', () => {
  it('are up to date with packages/schema/schema.graphql and the operations (pnpm codegen:check)', async () => {
    const result = await promisify(execFile)(process.execPath, ['scripts/codegen.mjs', '--check'], {
      cwd: webDir,
    }).then(
      ({ stdout }) => ({ ok: true, output: stdout }),
      (error: { stdout?: string; stderr?: string }) => ({
        ok: false,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(result.ok, result.output).toBe(true);
  }, 60_000);
});
