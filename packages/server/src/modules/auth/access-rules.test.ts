import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hubSchema } from '../../graphql/schema.js';
import { ANONYMOUS, type Viewer } from '../../common/viewer.js';
import {
  ADMIN_ONLY,
  ANY_ROLE,
  checkOperationAccess,
  PUBLIC,
  ROOT_FIELD_ROLES,
  rolesFor,
  rootFields,
  WRITERS,
} from './access-rules.js';

const viewer = (role: Viewer['role']): Viewer => ({ ...ANONYMOUS, kind: 'key', id: '1', role });

function operationOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return { document, operation };
}

describe('the role rule', () => {
  it('queries need any role, mutations EDITOR or ADMIN, unless the table says otherwise', () => {
    expect(rolesFor('query', 'accidents')).toBe(ANY_ROLE);
    expect(rolesFor('mutation', 'reportAccident')).toBe(WRITERS);
    expect(rolesFor('query', 'users')).toBe(ADMIN_ONLY);
    expect(rolesFor('query', 'me')).toBe(PUBLIC);
    expect(rolesFor('mutation', 'signIn')).toBe(PUBLIC);
  });

  it('names only root fields the schema has (a renamed field cannot slip out of its rule)', async () => {
    const schema = await hubSchema();
    const roots = { ...schema.getQueryType()!.getFields(), ...schema.getMutationType()!.getFields() };
    for (const field of Object.keys(ROOT_FIELD_ROLES)) {
      if (field !== '__typename') expect(roots, field).toHaveProperty(field);
    }
  });

  it('collects root fields through named and inline fragments, once each, without looping', () => {
    const { document, operation } = operationOf(`
      query { me { name } ...A ... on Query { users { login } } }
      fragment A on Query { accidents(first: 1) { totalCount } ...B }
      fragment B on Query { ...A apiKeys { prefix } }
    `);
    expect(rootFields(operation, document).sort()).toEqual(['accidents', 'apiKeys', 'me', 'users']);
  });

  it('refuses the whole operation when one root field is not allowed', () => {
    const { document, operation } = operationOf(`{ accidents(first: 1) { totalCount } users { login } }`);
    expect(() => checkOperationAccess(viewer('ADMIN'), operation, document)).not.toThrow();
    expect(() => checkOperationAccess(viewer('ANALYST'), operation, document)).toThrow(/users needs the role ADMIN/);
    expect(() => checkOperationAccess(ANONYMOUS, operation, document)).toThrow(/sign in or send an API key/);
  });
});
