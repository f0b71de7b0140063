// Loading a relation from a field resolver. MikroORM's dataloader (enabled in db/orm.ts) gathers every such
// load made in the same tick into one `where id in (...)` query per entity type, so lists stay free of N+1.
import { type Ref, Reference } from '@mikro-orm/core';

export async function loadRef<T extends object>(ref: Ref<T> | null | undefined): Promise<T | null> {
  if (!ref) return null;
  return ((await Reference.create(ref).load({ dataloader: true })) as T | undefined) ?? null;
}
