import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed SDL: packages/schema/schema.graphql (this file is in src/graphql or dist/graphql). */
export const SDL_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');
