// The published contract and its releases: packages/schema/schema.graphql is what the server serves now,
// packages/schema/released/vN.graphql what was promised to third parties. A change that would break a client
// written against the newest release is refused by a test until the old field goes through @deprecated first.
import fs from 'node:fs';
import path from 'node:path';
import {
  type BreakingChange,
  buildSchema,
  type DangerousChange,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLSchema,
} from 'graphql';
import { SDL_PATH } from './sdl-path.js';

export const RELEASED_DIR = path.join(path.dirname(SDL_PATH), 'released');

/** The newest released SDL: the highest vN.graphql. */
export function latestRelease(): { version: number; file: string; sdl: string } {
  const releases = fs
    .readdirSync(RELEASED_DIR)
    .map((f) => /^v(\d+)\.graphql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), file: path.join(RELEASED_DIR, m[0]) }))
    .sort((a, b) => b.version - a.version);
  if (!releases.length) throw new Error(`no released contract in ${RELEASED_DIR}`);
  const newest = releases[0]!;
  return { ...newest, sdl: fs.readFileSync(newest.file, 'utf8') };
}

export function compareContracts(
  released: GraphQLSchema | string,
  current: GraphQLSchema | string,
): { breaking: BreakingChange[]; dangerous: DangerousChange[] } {
  const before = typeof released === 'string' ? buildSchema(released) : released;
  const after = typeof current === 'string' ? buildSchema(current) : current;
  return { breaking: findBreakingChanges(before, after), dangerous: findDangerousChanges(before, after) };
}

export function explainBreaking(changes: BreakingChange[], releaseFile: string): string {
  return (
    `The schema breaks the released contract ${path.basename(releaseFile)} (${changes.length} change(s)):\n` +
    changes.map((c) => `  - ${c.type}: ${c.description}`).join('\n') +
    '\nThird-party programs are written against it. Do not remove or change a field, argument, type or enum ' +
    'value: add the new one beside it and mark the old one `@deprecated(reason: "use … instead")` ' +
    '(type-graphql: `deprecationReason`). Remove it only in a new release (see packages/schema/README.md).'
  );
}
