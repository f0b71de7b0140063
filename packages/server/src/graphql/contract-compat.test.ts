import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareContracts, explainBreaking, latestRelease } from './contract-compat.js';
import { SDL_PATH } from './sdl-path.js';

describe('the published contract against its newest release', () => {
  it('has no breaking change (deprecate first, remove in a new release)', () => {
    const release = latestRelease();
    const { breaking, dangerous } = compareContracts(release.sdl, fs.readFileSync(SDL_PATH, 'utf8'));
    // Dangerous changes (a new enum value, an argument's new default...) do not fail; clients should know.
    if (dangerous.length) {
      console.log(
        `dangerous changes since v${release.version}:\n` +
          dangerous.map((d) => `  - ${d.type}: ${d.description}`).join('\n'),
      );
    }
    expect(breaking, explainBreaking(breaking, release.file)).toEqual([]);
  });

  it('catches what would break a client: a removed field, a new required argument, a removed enum value', () => {
    const released = latestRelease().sdl;
    const removedField = released.replace(/ {2}"""[^"]*"""\n {2}totalCount: Int!\n/, '');
    const requiredArgument = released.replace('townships(', 'townships(\n    county: String!\n');
    const removedValue = released.replace(/ {2}"""[^"]*"""\n {2}ROAD_TRAFFIC\n/, '');
    for (const changed of [removedField, requiredArgument, removedValue]) {
      expect(changed).not.toBe(released);
      const { breaking } = compareContracts(released, changed);
      expect(breaking.length).toBeGreaterThan(0);
      expect(explainBreaking(breaking, 'v1.graphql')).toMatch(/@deprecated\(reason:/);
    }
  });

  it('lists dangerous changes without failing: a new enum value', () => {
    const released = latestRelease().sdl;
    const added = released.replace(
      /^(enum Sector \{\n(?:.*\n)*?) {2}ROAD_TRAFFIC\n/m,
      '$1  ROAD_TRAFFIC\n  SPACE_TRAVEL\n',
    );
    expect(added).not.toBe(released);
    const { breaking, dangerous } = compareContracts(released, added);
    expect(breaking).toEqual([]);
    expect(dangerous.map((d) => d.type)).toContain('VALUE_ADDED_TO_ENUM');
  });
});
