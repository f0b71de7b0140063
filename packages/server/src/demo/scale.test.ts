import { gradeSeverity, isValidCreditCode, type Severity } from '@hub/schema';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrm } from '../db/orm.js';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';
import { SCALE_YEARS, seedAtScale } from './scale.js';

describe('seedAtScale', () => {
  let db: TestDatabase | undefined;
  let orm: MikroORM | undefined;

  afterEach(async () => {
    await orm?.close(true);
    await db?.drop();
    orm = db = undefined;
  });

  async function open(kind: 'demo' | 'empty') {
    db = await createTestDatabase(kind);
    orm = await openOrm(db.url, { pool: { min: 0, max: 2 } });
    return orm.em.getKnex();
  }

  it('creates the townships of an empty database and streams accidents and 5× hazards with COPY', async () => {
    const knex = await open('empty');
    const messages: string[] = [];
    const summary = await seedAtScale(knex, 3000, (m) => messages.push(m));
    expect(summary).toMatchObject({ townships: 12, enterprises: 300, accidents: 3000, hazards: 15_000 });
    expect(messages.some((m) => /accident: 3,000 \/ 3,000 \(100%\), [\d,]+ rows\/s/.test(m))).toBe(true);

    const [{ n: accidents }] = (await knex('accident').count({ n: '*' })) as { n: string }[];
    const [{ n: hazards }] = (await knex('hazard').count({ n: '*' })) as { n: string }[];
    expect([Number(accidents), Number(hazards)]).toEqual([3000, 15_000]);

    const rows = (await knex('accident').select(
      'deaths',
      'missing',
      'serious_injuries',
      'injuries',
      'direct_loss_cny',
      'severity',
      'sector',
      'road_name',
      'vehicle_types',
      knex.raw(`to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY') as year`),
    )) as {
      deaths: number;
      missing: number;
      serious_injuries: number;
      injuries: number;
      direct_loss_cny: number;
      severity: Severity;
      sector: string;
      road_name: string | null;
      vehicle_types: string[];
      year: string;
    }[];
    for (const r of rows) {
      expect(r.severity).toBe(
        gradeSeverity({
          deaths: r.deaths,
          missing: r.missing,
          seriousInjuries: r.serious_injuries,
          directLossCny: r.direct_loss_cny,
        }),
      );
      expect(r.injuries).toBeGreaterThanOrEqual(r.serious_injuries);
      expect(Number(r.year)).toBeGreaterThanOrEqual(SCALE_YEARS.from);
      expect(Number(r.year)).toBeLessThanOrEqual(SCALE_YEARS.to);
      expect(r.road_name !== null).toBe(r.sector === 'ROAD_TRAFFIC');
      expect(r.vehicle_types.length > 0).toBe(r.sector === 'ROAD_TRAFFIC');
    }
    const bad = await knex.raw<{ rows: { n: number }[] }>(
      `select count(*)::int as n from hazard h join enterprise e on e.id = h.enterprise_id
        where e.township_id <> h.township_id or h.deadline < h.found_on or h.rectified_on < h.found_on
           or (h.verified_on is not null and h.status <> 'VERIFIED')
           or (h.verified_on is null and h.rectified_on is not null and h.status <> 'RECTIFIED')
           or (h.rectified_on is null and h.status not in ('FOUND', 'RECTIFYING'))`,
    );
    expect(bad.rows[0]!.n).toBe(0);
  });

  it('reuses the demo county’s townships and can run twice', async () => {
    const knex = await open('demo');
    const [{ n: before }] = (await knex('enterprise').count({ n: '*' })) as { n: string }[];
    await seedAtScale(knex, 500, () => undefined);
    const second = await seedAtScale(knex, 500, () => undefined);
    expect(second.townships).toBe(12);
    const [{ n: townships }] = (await knex('township').count({ n: '*' })) as { n: string }[];
    expect(Number(townships)).toBe(12);
    const codes = (await knex('enterprise').select('credit_code')) as { credit_code: string }[];
    expect(codes).toHaveLength(Number(before) + 600);
    for (const { credit_code } of codes) expect(isValidCreditCode(credit_code), credit_code).toBe(true);
  });
});
