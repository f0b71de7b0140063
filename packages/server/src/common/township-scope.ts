// A township-limited caller sees only its township. Every list, node and aggregate narrows the township
// codes it filters by through this one function, so the rule cannot differ between views.
//
// Where the rule is applied (so that a new query gets it without thinking about it):
// - ORM reads (lists, connections, node(), nodes(), relations, lookups of mutations): a MikroORM filter put on
//   the request's EntityManager by `scopeEntityManager` (called by `createContext`); it adds the township
//   condition of `SCOPED_ENTITIES` to every find/count/findOne of those entities.
// - SQL statistics (knex): every `apply*Filter(em, qb, filter)` narrows `townshipCodes` with
//   `scopedTownshipCodes(em, …)`; the `em` argument is required, so a new statistic cannot forget it.
// - Writes: `TownshipScopeGuard` (a flush subscriber) refuses to create or change a row whose township is not
//   the caller's, whatever service wrote it.
//
// What a township-limited caller sees of data that no township owns:
// - rows owned by its own township: yes (accidents, hazards, inspections, enterprises, outreach, tasks set to
//   it, emergency plans/drills/rescue teams/capacity records of the township or of its enterprises, and the
//   investigations and project reviews of its accidents and enterprises);
// - rows owned by another township, or by a county department (tasks, plans, teams, capacity of departments):
//   no — they are not its rows, and including them would make a list disagree with its statistics;
// - county-wide reference data: yes — departments, county-year statistics, training sessions (county
//   classes, no township), the county work plan's items and targets. A plan item's `actual`/`progress` count
//   the township's own rows (its part of the county target; see work-plan-progress.ts).
// - import runs: COPY bypasses the ORM, so a limited caller may not start or undo one (import.resolver.ts).
import type { EntityManager, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Viewer } from './viewer.js';

/**
 * The township codes a query may read: what the caller asked for (undefined = all), narrowed to the
 * caller's own township when it is limited to one. An empty array means "no rows", never "all rows".
 */
export function scopeTownshipCodes(
  viewer: Viewer,
  requested: readonly string[] | null | undefined,
): string[] | undefined {
  if (!viewer.townshipCode) return requested ? [...requested] : undefined;
  if (!requested) return [viewer.townshipCode];
  return requested.filter((code) => code === viewer.townshipCode);
}

/** Name of the ORM filter (and of its parameters) that carries the caller's township. */
export const TOWNSHIP_SCOPE = 'townshipScope';

interface ScopeParams {
  townshipCode: string;
}

type Codes = { $in: string[] };
const ownTownship = (codes: Codes) => ({ township: { code: codes } });

/** The condition that keeps an entity's rows to the caller's township, by entity name. */
const SCOPED_ENTITIES: Record<string, (codes: Codes) => object> = {
  Township: (codes) => ({ code: codes }),
  Enterprise: ownTownship,
  Accident: ownTownship,
  Hazard: ownTownship,
  Inspection: ownTownship,
  OutreachActivity: ownTownship,
  SupervisionTask: ownTownship,
  SupervisoryCapacity: ownTownship,
  Drill: ownTownship,
  EmergencyPlan: (codes) => ({ $or: [ownTownship(codes), { enterprise: ownTownship(codes) }] }),
  RescueTeam: (codes) => ({ $or: [ownTownship(codes), { enterprise: ownTownship(codes) }] }),
  Investigation: (codes) => ({ accident: ownTownship(codes) }),
  ProjectReview: (codes) => ({ enterprise: ownTownship(codes) }),
};

/** Limits an EntityManager (a request's fork) to the viewer's township; forks of it inherit the limit. */
export function scopeEntityManager(em: EntityManager, viewer: Viewer): EntityManager {
  if (!viewer.townshipCode) return em;
  em.setFilterParams(TOWNSHIP_SCOPE, { townshipCode: viewer.townshipCode } satisfies ScopeParams);
  em.addFilter(
    TOWNSHIP_SCOPE,
    (params: ScopeParams, _type: unknown, _em: unknown, _options: unknown, entityName?: string) => {
      const condition = entityName ? SCOPED_ENTITIES[entityName] : undefined;
      return condition ? condition({ $in: [params.townshipCode] }) : {};
    },
    Object.keys(SCOPED_ENTITIES),
  );
  return em;
}

/** The township the EntityManager is limited to, or null for a county-wide caller. */
export function townshipScopeOf(em: EntityManager): string | null {
  return (em.getFilterParams(TOWNSHIP_SCOPE) as ScopeParams | undefined)?.townshipCode ?? null;
}

/** `scopeTownshipCodes` for a query that has only the request's EntityManager (the SQL statistics). */
export function scopedTownshipCodes(
  em: EntityManager,
  requested: readonly string[] | null | undefined,
): string[] | undefined {
  const townshipCode = townshipScopeOf(em);
  if (!townshipCode) return requested ? [...requested] : undefined;
  if (!requested) return [townshipCode];
  return requested.filter((code) => code === townshipCode);
}

export class OutsideTownshipError extends GraphQLError {
  constructor(what: string, townshipCode: string) {
    super(
      `只能写入本乡镇（${townshipCode}）的${what}记录 / you may only write ${what} records of your township (${townshipCode})`,
      { extensions: { code: 'FORBIDDEN', townshipCode } },
    );
  }
}

/** A reference's primary key without loading it. */
function keyOf(ref: unknown): number | null {
  if (ref == null) return null;
  const r = ref as { id?: number; unwrap?: () => { id?: number } };
  return r.id ?? r.unwrap?.().id ?? null;
}

/**
 * Refuses, at flush time, to create or change a row that a township-limited caller does not own: the row's
 * township (or its enterprise's or accident's) must be the caller's. Lookups made through the scoped
 * EntityManager already hide other townships' rows; this catches what a service writes from them (e.g. a
 * task given to a department, a new township).
 */
export class TownshipScopeGuard implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const townshipCode = townshipScopeOf(em);
    if (!townshipCode) return;
    const changes = uow.getChangeSets().filter((cs) => cs.name in SCOPED_ENTITIES);
    if (!changes.length) return;
    const own = await em
      .getConnection()
      .execute<{ id: number }[]>(
        'select id from township where code = ?',
        [townshipCode],
        'all',
        em.getTransactionContext(),
      );
    const ownId = own[0]?.id ?? null;
    const townshipOfRow = async (table: 'enterprise' | 'accident', id: number | null) =>
      (
        await em
          .getConnection()
          .execute<{ township_id: number }[]>(
            `select township_id from ${table} where id = ?`,
            [id],
            'all',
            em.getTransactionContext(),
          )
      )[0]?.township_id ?? null;
    for (const cs of changes) {
      const entity = cs.entity as Record<string, unknown>;
      let townshipId: number | null;
      if (cs.name === 'Township') townshipId = cs.type === 'create' ? null : keyOf(entity);
      else if ('township' in entity && keyOf(entity.township) != null) townshipId = keyOf(entity.township);
      else if (keyOf(entity.enterprise) != null)
        townshipId = await townshipOfRow('enterprise', keyOf(entity.enterprise));
      else if (keyOf(entity.accident) != null) townshipId = await townshipOfRow('accident', keyOf(entity.accident));
      else townshipId = null;
      if (townshipId == null || Number(townshipId) !== Number(ownId))
        throw new OutsideTownshipError(cs.name, townshipCode);
    }
  }
}
