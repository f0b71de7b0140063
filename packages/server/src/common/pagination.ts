// Relay cursor connections over MikroORM's keyset pagination (em.findByCursor): stable under inserts, no
// OFFSET scans, and the total counted only when the caller asks for it.
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { type ClassType, Field, Int, ObjectType, ArgsType } from 'type-graphql';
import { Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { BadUserInputError } from './errors.js';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The one refusal of a page larger than MAX_PAGE_SIZE, wherever it is caught: by the operation limits before
 * execution, or by a resolver.
 */
export function pageSizeError(requested: number, extra: Record<string, unknown> = {}): GraphQLError {
  const zh = `每页最多 ${MAX_PAGE_SIZE} 条，请求了 ${requested} 条；请用 after 游标翻页`;
  const en = `at most ${MAX_PAGE_SIZE} items per page, asked for ${requested}; page on with the \`after\` cursor`;
  return new GraphQLError(`first: ${zh} / ${en}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      field: 'first',
      reason: { zh, en },
      limit: 'first',
      max: MAX_PAGE_SIZE,
      requested,
      ...extra,
    },
  });
}

/** Refuses a page size above the cap (the operation limits refuse it earlier; this guards every resolver). */
export function checkPageSize(first: number): void {
  if (first > MAX_PAGE_SIZE) throw pageSizeError(first);
}

@ObjectType({ description: 'Where a page stands in the whole list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @Min(1)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor`).' })
  after?: string;
}

export interface Connection<T> {
  /** Counted when GraphQL resolves the field (see lazyCount), never for a page that does not ask. */
  totalCount: PromiseLike<number>;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

/** The Connection and Edge types of one node type, named `<Name>Connection` and `<Name>Edge`. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} records (Relay connection).` })
  class ConnectionType implements Connection<T> {
    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    totalCount!: PromiseLike<number>;

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];
  }
  return ConnectionType;
}

/**
 * MikroORM's cursors are base64url JSON arrays, decoded with a bare JSON.parse: a forged or truncated one would
 * surface as an internal error. It is the caller's input, so it is checked here and refused plainly.
 */
function checkCursor(after: string): void {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded)) {
    throw new BadUserInputError(
      'after',
      '分页游标无效，请使用上一页返回的 endCursor',
      'is not a cursor: pass the endCursor of a previous page',
    );
  }
}

/**
 * A count that runs when first awaited. GraphQL awaits a field's value only when the field is selected, so a
 * page without `totalCount` costs no count — at 5,000,000 hazards a count takes about a second.
 */
function lazyCount(count: () => Promise<number>): PromiseLike<number> {
  let running: Promise<number> | undefined;
  return {
    then: (onFulfilled, onRejected) => (running ??= count()).then(onFulfilled, onRejected),
  };
}

/**
 * One page of `entity` matching `where`, ordered by `orderBy` then by id so that cursors are unique. `where`
 * is made anew for each statement: MikroORM's raw() fragments in a condition can be used by one query only.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: () => FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: PageArgs,
): Promise<Connection<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  checkPageSize(first);
  if (page.after != null) checkCursor(page.after);
  let cursor;
  try {
    cursor = await em.findByCursor(entity, where(), {
      first,
      after: page.after ?? undefined,
      orderBy: [orderBy, { id: 'asc' } as QueryOrderMap<T>],
      includeCount: false,
    });
  } catch (e) {
    if (page.after && /cursor/i.test(String((e as Error).message))) {
      throw new BadUserInputError(
        'after',
        '分页游标无效或与排序不符',
        'the cursor is malformed or does not match this ordering',
      );
    }
    throw e;
  }
  const items = cursor.items as T[];
  const edges = items.map((node) => ({ cursor: cursor.from(node), node }));
  // The first page holds everything when there is no next one: its length is the count.
  const complete = page.after == null && !cursor.hasNextPage;
  return {
    totalCount: complete ? lazyCount(async () => items.length) : lazyCount(() => em.count(entity, where())),
    pageInfo: {
      hasNextPage: cursor.hasNextPage ?? false,
      hasPreviousPage: cursor.hasPrevPage ?? false,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    edges,
    nodes: items,
  };
}
