// hazardsFound of a page of inspections in one grouped query: a DataLoader per request, kept with the
// request's EntityManager (forked per request in the context factory), so nothing leaks between requests.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

const loaders = new WeakMap<EntityManager, DataLoader<number, number>>();

export function hazardsFoundLoader(em: EntityManager): DataLoader<number, number> {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly number[]) => {
        const query = em
          .getKnex()('hazard')
          .select('inspection_id')
          .count({ n: '*' })
          .whereIn('inspection_id', [...new Set(ids)])
          .groupBy('inspection_id');
        // Through the EntityManager rather than knex directly, so the statement is logged like any other.
        const rows = await em.execute<{ inspection_id: number; n: string | number }[]>(query);
        const counts = new Map(rows.map((r) => [Number(r.inspection_id), Number(r.n)]));
        return ids.map((id) => counts.get(id) ?? 0);
      },
      // Batch within a tick, but cache nothing: a mutation later in the same request may add hazards.
      { cache: false, maxBatchSize: 1000 },
    );
    loaders.set(em, loader);
  }
  return loader;
}
