// Registering trusted documents (by an ADMIN, through GraphQL or `hub trusted-document add`) and finding them
// for a request of a key in trusted-documents mode.
import crypto from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
  validate,
} from 'graphql';

export const TRUSTED_DOCUMENT_REQUIRED = 'TRUSTED_DOCUMENT_REQUIRED';

/** The hash Apollo's persisted queries use: SHA-256 of the exact text, lower-case hex. */
export function documentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Parses and validates a document against the schema; refuses it with every problem, as bad input. */
export function checkDocument(schema: GraphQLSchema, text: string): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (e) {
    const message = (e as GraphQLError).message;
    throw new GraphQLError(`document: 文档无法解析：${message} / the document does not parse: ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'document', problems: [{ field: 'document', reason: message }] },
    });
  }
  const problems = validate(schema, document).map((e) => ({
    field: 'document',
    reason: e.message,
    locations: e.locations,
  }));
  if (!document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) {
    problems.push({ field: 'document', reason: 'the document has no operation', locations: undefined });
  }
  if (problems.length) {
    throw new GraphQLError(
      `document: 文档未通过校验 / the document is not valid against the schema: ${problems.map((p) => p.reason).join('; ')}`,
      { extensions: { code: 'BAD_USER_INPUT', field: 'document', problems } },
    );
  }
  return document;
}

function operationNames(document: DocumentNode): string {
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => d.name?.value ?? '(anonymous)')
    .join(', ');
}

/** Stores a valid document for a key (again is harmless) and returns its hash. */
export async function registerTrustedDocument(
  knex: Knex,
  schema: GraphQLSchema,
  apiKeyId: string,
  text: string,
  registeredBy: string,
): Promise<string> {
  if (!apiKeyId.trim()) {
    throw new GraphQLError('apiKeyId: 不能为空 / must not be empty', {
      extensions: { code: 'BAD_USER_INPUT', field: 'apiKeyId' },
    });
  }
  const document = checkDocument(schema, text);
  const hash = documentHash(text);
  await knex('trusted_document')
    .insert({
      api_key_id: apiKeyId,
      hash,
      document: text,
      operation_names: operationNames(document),
      registered_by: registeredBy,
    })
    .onConflict(['api_key_id', 'hash'])
    .ignore();
  return hash;
}

export async function findTrustedDocument(knex: Knex, apiKeyId: string, hash: string): Promise<string | null> {
  const row = (await knex('trusted_document').where({ api_key_id: apiKeyId, hash }).first('document')) as
    { document: string } | undefined;
  return row?.document ?? null;
}

/**
 * Splits a file of operations into one document per operation, each with the fragments it uses, printed by
 * graphql-js (the text a client must send, or whose hash it sends). Named operations only: the name is how a
 * person finds its hash again.
 */
export function splitOperations(source: string): { name: string; text: string }[] {
  const document = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const spreadIn = (node: DefinitionNode): string[] => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
    return names;
  };
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error('every operation in the file needs a name / 文件中的每个操作都需要名称');
      const needed = new Map<string, FragmentDefinitionNode>();
      const queue = spreadIn(operation);
      while (queue.length) {
        const name = queue.shift()!;
        const fragment = fragments.get(name);
        if (!fragment || needed.has(name)) continue;
        needed.set(name, fragment);
        queue.push(...spreadIn(fragment));
      }
      const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] });
      return { name: operation.name.value, text };
    });
}
