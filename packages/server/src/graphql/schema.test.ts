import fs from 'node:fs';
import { isObjectType, isInputObjectType, isEnumType, isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema, hubSdl } from './schema.js';
import { SDL_PATH } from './sdl-path.js';

describe('the published SDL', () => {
  it('is current: packages/schema/schema.graphql equals the SDL the resolvers emit (run `pnpm generate`)', async () => {
    expect(fs.readFileSync(SDL_PATH, 'utf8')).toBe(await hubSdl());
  });

  it('describes every type and every field', async () => {
    const schema = await hubSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
