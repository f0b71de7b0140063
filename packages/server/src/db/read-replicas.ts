// Analytics reads on PostgreSQL streaming replicas (HUB_DATABASE_REPLICA_URLS), never older than the last
// write the hub knows of.
//
// Which reads: the statistics, KPIs, clusters, explore and plan-progress statements, which take their knex from
// `analyticsKnex(em)`. Everything else — ORM finds (MikroORM's preferReadReplicas is off, db/orm.ts), sessions
// and keys, audit, imports, exports and anything inside a transaction — stays on the primary.
//
// Why it cannot serve (and the response cache cannot keep) an answer older than a write: a replica lags. The
// hub knows of every committed write to the data the API reads — its own mutations, and everyone else's through
// the NOTIFY hub_data_changed that the statement triggers send at commit (response-cache/data-version.ts). At
// each, it asks the primary for its WAL insert position (one small statement per write, not per read): taken
// after the commit, so at or past the commit record. The trigger cannot send it in its payload: a trigger runs
// before the commit record is written, and a replica that has replayed up to that point does not yet see the
// transaction. An analytics read goes to a replica only once the replica has replayed that far
// (`pg_last_wal_replay_lsn()`, one statement on the replica, none on the primary); while the position is being
// asked, while the hub cannot listen for writes, or while no replica is far enough, it goes to the primary. The
// response cache moves to a new version in the same tick as the notification, so an answer cached under the
// new version was computed on the primary or on a replica that has the write.
//
// A replica that does not answer its check within CHECK_TIMEOUT_MS (down, unreachable, overloaded, not a
// standby) is left alone for RETRY_DOWN_MS and the read goes to the primary; the hub logs it once when it goes
// and once when it is back. The check has a connection of its own per replica, so it does not wait behind the
// analytics statements in the pool. Recovery conflicts do not cancel hub statements: PostgreSQL's
// max_standby_streaming_delay (30 s) outlasts HUB_STATEMENT_TIMEOUT_MS (15 s).
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import type { OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import type { HubContext } from '../common/context.js';
import type { Logger } from '../common/logger.js';

/** How long a replica that failed its check is not asked again. */
const RETRY_DOWN_MS = 5_000;
/** A replica check slower than this counts as a failure: the primary answers instead of the request waiting. */
const CHECK_TIMEOUT_MS = 1_000;

interface Replica {
  name: string;
  url: string;
  knex: Knex;
  /** The check's own connection: never queued behind the pool's analytics statements. */
  client: pg.Client | null;
  /** The check under way, shared by the reads that arrive meanwhile. */
  checking: Promise<bigint | null> | null;
  downUntil: number;
  down: boolean;
}

/** A WAL position 'X/Y' (hex) as a number that compares. */
export function parseLsn(text: string): bigint {
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export class ReadReplicas {
  /** The primary's WAL position every analytics read must see. */
  private required = 0n;
  /** Position look-ups under way: until they answer, analytics reads go to the primary. */
  private lookups = 0;
  /** The hub hears of every write (the listener is connected): until then, the primary only. */
  private listening = false;
  /** The last look-up failed: the position is unknown, the primary only until one answers. */
  private positionUnknown = false;
  private next = 0;

  constructor(
    private readonly primary: Knex,
    private readonly replicas: Replica[],
    private readonly log: Logger,
  ) {}

  /** The ORM's replicas (db/orm.ts `replicas`), named by their host for the log; null when there are none. */
  static of(orm: MikroORM, urls: readonly string[], log: Logger): ReadReplicas | null {
    // MikroORM picks a replica at random (em.getKnex('read')); the check needs each one by itself.
    const connections = (orm.em.getDriver() as unknown as { replicas: { getKnex(): Knex }[] }).replicas;
    if (!connections.length) return null;
    return new ReadReplicas(
      orm.em.getKnex(),
      connections.map((c, i) => ({
        name: new URL(urls[i]!).host,
        url: urls[i]!,
        knex: c.getKnex(),
        client: null,
        checking: null,
        downUntil: 0,
        down: false,
      })),
      log,
    );
  }

  /** A write committed (a notification, or a mutation of this process): reads must now see it. */
  noteWrite(): void {
    this.lookups++;
    this.primary
      .raw<{ rows: { lsn: string }[] }>('select pg_current_wal_insert_lsn()::text as lsn')
      .then(
        (r) => {
          const lsn = parseLsn(r.rows[0]!.lsn);
          if (lsn > this.required) this.required = lsn;
          this.positionUnknown = false;
        },
        () => {
          this.positionUnknown = true;
        },
      )
      .finally(() => this.lookups--);
  }

  /** The listener for writes connected: writes made while it was away are unknown, so take the position now. */
  listenerConnected(): void {
    this.listening = true;
    this.noteWrite();
  }

  /** The listener for writes is down: any write may go unnoticed, so the primary answers. */
  listenerLost(): void {
    this.listening = false;
  }

  private usable(): boolean {
    return this.listening && !this.positionUnknown && this.lookups === 0;
  }

  /** The knex of a replica that has every write the hub knows of, or null for the primary. */
  async choose(): Promise<Knex | null> {
    if (this.positionUnknown && this.lookups === 0) this.noteWrite(); // ask again (the primary was away)
    if (!this.usable()) return null;
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length]!;
      if (replica.down && Date.now() < replica.downUntil) continue;
      const replayed = await this.replayed(replica);
      // Compared after the check: the notifications and look-ups that came meanwhile raise the bar.
      if (replayed !== null && replayed >= this.required && this.usable()) return replica.knex;
    }
    return null;
  }

  private replayed(replica: Replica): Promise<bigint | null> {
    replica.checking ??= this.check(replica).finally(() => (replica.checking = null));
    return replica.checking;
  }

  private async check(replica: Replica): Promise<bigint | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const lsn = await Promise.race([
        this.replayLsn(replica),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      // Null: not in recovery — a primary or a logical copy, whose positions mean nothing here.
      if (!lsn) throw new Error('not a streaming standby (pg_last_wal_replay_lsn() is null)');
      if (replica.down) {
        replica.down = false;
        this.log.info(`read replica ${replica.name} answers again; analytics reads may use it`);
      }
      return parseLsn(lsn);
    } catch (e) {
      this.drop(replica);
      replica.downUntil = Date.now() + RETRY_DOWN_MS;
      if (!replica.down) {
        replica.down = true;
        this.log.warn(`read replica ${replica.name} unusable, analytics reads go to the primary`, {
          message: (e as Error).message,
        });
      }
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private async replayLsn(replica: Replica): Promise<string | null> {
    if (!replica.client) {
      const c = new pg.Client({ connectionString: replica.url, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
      c.on('error', () => this.drop(replica, c));
      replica.client = c;
      await c.connect();
    }
    const r = await replica.client.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
    return r.rows[0]?.lsn ?? null;
  }

  private drop(replica: Replica, client = replica.client): void {
    if (!client || replica.client !== client) return;
    replica.client = null;
    client.end().catch(() => undefined);
  }

  /** Closes the checks' connections (the replicas' pools close with the ORM). */
  close(): void {
    for (const replica of this.replicas) this.drop(replica);
  }
}

/** The replica chosen for a request's analytics reads, by the request's EntityManager (a fork of its own). */
const chosen = new WeakMap<EntityManager, Knex>();

/** Sends this request's analytics reads to `knex` (a replica that has every known write). */
export function useReplicaFor(em: EntityManager, knex: Knex): void {
  chosen.set(em, knex);
}

/** The knex an analytics statement runs on: the request's replica if one was chosen, else the primary's. */
export function analyticsKnex(em: EntityManager): Knex {
  const replica = chosen.get(em);
  return replica && !em.isInTransaction() ? replica : em.getKnex();
}

/** The root fields whose statements take `analyticsKnex` (aggregates in SQL; their nested fields too). */
export const ANALYTICS_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'accidentClusters',
  'accidentExplore',
  'accidentKpis',
  'accidentStats',
  'capacityExplore',
  'capacityStats',
  'enterpriseStats',
  'hazardExplore',
  'hazardStats',
  'inspectionExplore',
  'inspectionStats',
  'investigationExplore',
  'investigationStats',
  'outreachStats',
  'roadTrafficExplore',
  'taskStats',
  'trainingExplore',
  'trainingStats',
  'workPlan',
]);

function readsAnalytics(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.some((s) => s.kind === 'Field' && ANALYTICS_ROOT_FIELDS.has(s.name.value))
  );
}

/**
 * Chooses a replica for a query's analytics reads when it is executed (after the response cache missed, so a
 * cached answer costs no check), and notes the hub's own mutations before their answer leaves: the caller's
 * next read sees its write.
 */
export function readReplicasPlugin(replicas: ReadReplicas): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (!readsAnalytics(operation)) return;
          const knex = await replicas.choose();
          if (knex) useReplicaFor(contextValue.em, knex);
        },
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') replicas.noteWrite();
        },
      };
    },
  };
}
