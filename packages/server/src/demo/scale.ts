// Benchmark data: N accidents and 5·N hazards over several years, streamed into PostgreSQL with
// COPY FROM STDIN (text format) on one connection, in one transaction. Townships are those already in the
// database (the demo county's when loaded) or the demo county's 12, created here; enterprises (N/300, at
// least 300) are created for the run. Deterministic for a given N and database state. Severity is graded
// by gradeSeverity like every other write.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildCreditCode, gradeSeverity, SECTOR_LABELS, type HazardCategory, type Sector } from '@hub/schema';
import type { Knex } from '@mikro-orm/postgresql';
import { from as copyFrom } from 'pg-copy-streams';
import { randomPointIn, type AreaGeometry } from './county-map.js';
import { BASE_CATEGORY, DEMO_COUNTY_CODE, demoTownships, HAZARD_TEXT, SECTOR_CATEGORY } from './generate.js';
import {
  countyInstant,
  hourWeights,
  isoDate,
  dayNumber,
  lightAt,
  sampleGeneralCasualties,
  sampleRoad,
  sampleTrafficCause,
  sampleVehicles,
  sampleWeather,
  SEASON,
  SECTORS,
} from './profiles.js';
import { Random } from './random.js';

/** The years the benchmark data spreads over. */
export const SCALE_YEARS = { from: 2010, to: 2014 } as const;

/** Share of each field among the accidents. */
const SECTOR_SHARE: Record<Sector, number> = {
  ROAD_TRAFFIC: 0.34,
  FIRE: 0.1,
  INDUSTRY_TRADE: 0.1,
  CONSTRUCTION: 0.09,
  OTHER: 0.08,
  AGRICULTURAL_MACHINERY: 0.07,
  SPECIAL_EQUIPMENT: 0.05,
  WATER_TRAFFIC: 0.05,
  MINING: 0.05,
  FIREWORKS: 0.04,
  HAZARDOUS_CHEMICALS: 0.03,
};
const HAZARDS_PER_ACCIDENT = 5;
const ROWS_PER_CHUNK = 2000;

export interface ScaleSummary {
  townships: number;
  enterprises: number;
  accidents: number;
  hazards: number;
  seconds: number;
}

/** A sampler over fixed weights: cumulative sums searched by bisection. */
class Cdf<T> {
  private readonly cum: Float64Array;
  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => (this.cum[i] = s += w));
  }
  sample(rng: Random): T {
    const r = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** COPY text format: \N for null, and backslash, tab and line breaks escaped in text. */
const NULL = '\\N';
const text = (v: string | null): string =>
  v === null
    ? NULL
    : /[\\\t\n\r]/.test(v)
      ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
      : v;
const num = (v: number | null): string => (v === null ? NULL : String(v));

interface PgClient {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  query<S extends NodeJS.WritableStream>(stream: S): S;
}

interface TownshipInfo {
  id: number;
  weight: number;
  /** Points inside the township, for accidents with coordinates (none when it has no boundary). */
  points: [number, number][];
}
interface EnterpriseInfo {
  id: number;
  sector: Sector;
  townshipId: number;
}

/**
 * Generates `accidents` accidents and 5× as many hazards and streams them into the database with COPY.
 * Logs progress about every 10% with the rate in rows per second.
 */
export async function seedAtScale(knex: Knex, accidents: number, log: (msg: string) => void): Promise<ScaleSummary> {
  if (!Number.isInteger(accidents) || accidents < 1)
    throw new Error('the number of accidents must be a whole number ≥ 1');
  const started = performance.now();
  const rng = new Random(`scale/${accidents}`);
  const conn = (await knex.client.acquireConnection()) as PgClient;
  try {
    await conn.query('begin');
    await conn.query('set local synchronous_commit = off');
    const townships = await ensureTownships(knex, conn, rng.fork('townships'), log);
    const enterprises = await createEnterprises(
      knex,
      conn,
      rng.fork('enterprises'),
      townships,
      Math.max(300, Math.round(accidents / 300)),
      log,
    );
    await copyRows(
      conn,
      'accident',
      [
        'occurred_at',
        'township_id',
        'sector',
        'enterprise_id',
        'place',
        'lng',
        'lat',
        'deaths',
        'missing',
        'injuries',
        'serious_injuries',
        'direct_loss_cny',
        'severity',
        'summary',
        'cause',
        'road_name',
        'road_class',
        'vehicle_types',
        'traffic_cause',
        'weather',
        'light',
      ],
      accidents,
      accidentLines(rng.fork('accidents'), accidents, townships, enterprises),
      log,
    );
    const hazards = accidents * HAZARDS_PER_ACCIDENT;
    await copyRows(
      conn,
      'hazard',
      [
        'enterprise_id',
        'township_id',
        'found_on',
        'level',
        'category',
        'description',
        'deadline',
        'rectified_on',
        'verified_on',
        'status',
        'investment_cny',
      ],
      hazards,
      hazardLines(rng.fork('hazards'), hazards, enterprises),
      log,
    );
    await conn.query('commit');
    log('analysing accident and hazard ...');
    await conn.query('analyze accident');
    await conn.query('analyze hazard');
    const seconds = (performance.now() - started) / 1000;
    return {
      townships: townships.length,
      enterprises: enterprises.length,
      accidents,
      hazards,
      seconds: Math.round(seconds * 10) / 10,
    };
  } catch (e) {
    await conn.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await knex.client.releaseConnection(conn);
  }
}

async function ensureTownships(
  knex: Knex,
  conn: PgClient,
  rng: Random,
  log: (msg: string) => void,
): Promise<TownshipInfo[]> {
  let rows = (await conn.query('select id, population, boundary from township order by id')).rows as {
    id: number;
    population: number | null;
    boundary: AreaGeometry | null;
  }[];
  if (rows.length === 0) {
    const towns = demoTownships().map((t) => ({ ...t, boundary: JSON.stringify(t.boundary) }));
    const q = knex('township').insert(towns).returning(['id', 'population', 'boundary']).toSQL().toNative();
    rows = (await conn.query(q.sql, q.bindings)).rows as typeof rows;
    log(`created the demo county's ${rows.length} townships`);
  } else {
    log(`using the ${rows.length} townships in the database`);
  }
  return rows.map((r) => ({
    id: r.id,
    weight: r.population ?? 1,
    points: r.boundary ? range(256).map(() => randomPointIn(r.boundary!, rng)) : [],
  }));
}

async function createEnterprises(
  knex: Knex,
  conn: PgClient,
  rng: Random,
  townships: readonly TownshipInfo[],
  count: number,
  log: (msg: string) => void,
): Promise<EnterpriseInfo[]> {
  // Organisation bodies 7xxxxxxx are the benchmark's; continue after those of earlier runs.
  const { rows } = await conn.query(`select count(*)::int as n from enterprise where substr(credit_code, 9, 1) = '7'`);
  const offset = Number(rows[0]!.n);
  if (offset + count > 10_000_000) throw new Error('too many benchmark enterprises in this database');
  const townshipCdf = new Cdf(
    townships,
    townships.map((t) => t.weight),
  );
  const sectorCdf = new Cdf(
    SECTORS,
    SECTORS.map((s) => SECTOR_SHARE[s]),
  );
  const out: EnterpriseInfo[] = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = range(Math.min(1000, count - start)).map((k) => {
      const serial = offset + start + k;
      const sector = sectorCdf.sample(rng);
      return {
        name: `压测企业${String(serial + 1).padStart(7, '0')}（${SECTOR_LABELS[sector].zh}）`,
        credit_code: buildCreditCode('91', DEMO_COUNTY_CODE, String(70_000_000 + ((serial * 7919) % 10_000_000))),
        sector,
        township_id: townshipCdf.sample(rng).id,
        above_designated_size: rng.chance(0.25),
        standardization_grade: rng.weighted(['NONE', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'], [80, 15, 4, 1]),
        employees: Math.max(2, Math.round(rng.logNormal(40, 0.9))),
      };
    });
    const q = knex('enterprise').insert(batch).returning(['id', 'sector', 'township_id']).toSQL().toNative();
    const res = await conn.query(q.sql, q.bindings);
    for (const r of res.rows)
      out.push({ id: Number(r.id), sector: r.sector as Sector, townshipId: Number(r.township_id) });
  }
  log(`created ${count} enterprises`);
  return out;
}

async function copyRows(
  conn: PgClient,
  table: string,
  columns: readonly string[],
  total: number,
  lines: Iterator<string>,
  log: (msg: string) => void,
): Promise<void> {
  const t0 = performance.now();
  const step = Math.max(1, Math.ceil(total / 10));
  let next = step;
  let done = 0;
  function* chunks(): Generator<string> {
    while (done < total) {
      const n = Math.min(ROWS_PER_CHUNK, total - done);
      let chunk = '';
      for (let i = 0; i < n; i++) chunk += lines.next().value as string;
      done += n;
      if (done >= next || done === total) {
        const seconds = (performance.now() - t0) / 1000;
        log(
          `${table}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((100 * done) / total)}%), ${Math.round(done / seconds).toLocaleString('en')} rows/s`,
        );
        while (next <= done) next += step;
      }
      yield chunk;
    }
    log(`${table}: all rows sent; PostgreSQL is finishing the COPY (foreign-key checks) ...`);
  }
  const stream = conn.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks()), stream);
  const seconds = (performance.now() - t0) / 1000;
  log(
    `${table}: ${total.toLocaleString('en')} rows copied in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} rows/s)`,
  );
}

/**
 * The days of the benchmark years in order, each with its share of `total` rows (an exact split). Rows come
 * out in date order, so the date indexes grow at their right edge instead of taking random inserts.
 */
function* dailyCounts(total: number): Generator<[day: number, rows: number]> {
  const first = dayNumber(`${SCALE_YEARS.from}-01-01`);
  const days = dayNumber(`${SCALE_YEARS.to}-12-31`) - first + 1;
  for (let d = 0; d < days; d++) {
    const rows = Math.floor((total * (d + 1)) / days) - Math.floor((total * d) / days);
    if (rows) yield [first + d, rows];
  }
}

function* accidentLines(
  rng: Random,
  total: number,
  townships: readonly TownshipInfo[],
  enterprises: readonly EnterpriseInfo[],
): Generator<string> {
  // The field of an accident by month: its share, shaped by its season.
  const sectorByMonth = range(12).map(
    (m) =>
      new Cdf(
        SECTORS,
        SECTORS.map((s) => (SECTOR_SHARE[s] * SEASON[s][m]!) / (SEASON[s].reduce((a, b) => a + b, 0) / 12)),
      ),
  );
  const hourCdf = new Map(SECTORS.map((s) => [s, new Cdf(range(24), hourWeights(s))]));
  const townshipCdf = new Cdf(
    townships,
    townships.map((t) => t.weight),
  );
  const bySector = new Map<Sector, EnterpriseInfo[]>(
    SECTORS.map((s) => [s, enterprises.filter((e) => e.sector === s)]),
  );
  const townshipById = new Map(townships.map((t) => [t.id, t]));
  const enterpriseShare: Partial<Record<Sector, number>> = {
    CONSTRUCTION: 0.7,
    MINING: 0.8,
    HAZARDOUS_CHEMICALS: 0.6,
    INDUSTRY_TRADE: 0.7,
    SPECIAL_EQUIPMENT: 0.6,
    FIRE: 0.3,
    ROAD_TRAFFIC: 0.1,
  };
  const summaries = new Map(SECTORS.map((s) => [s, `${SECTOR_LABELS[s].zh}事故（压测数据）`]));
  const noRoad = `${NULL}\t${NULL}\t{}\t${NULL}\t${NULL}\t${NULL}`;
  for (const [day, rows] of dailyCounts(total)) {
    const date = isoDate(day);
    const month = Number(date.slice(5, 7));
    for (let k = 0; k < rows; k++) {
      const sector = sectorByMonth[month - 1]!.sample(rng);
      const hour = hourCdf.get(sector)!.sample(rng);
      const candidates = bySector.get(sector)!;
      let enterprise: EnterpriseInfo | null = null;
      if (candidates.length && rng.chance(enterpriseShare[sector] ?? 0))
        enterprise = candidates[rng.int(0, candidates.length - 1)]!;
      const township = enterprise ? townshipById.get(enterprise.townshipId)! : townshipCdf.sample(rng);
      let c = sampleGeneralCasualties(rng, sector);
      if (rng.chance(0.004)) {
        // The odd larger accident.
        const deaths = rng.int(3, 6);
        c = {
          ...c,
          deaths,
          severity: gradeSeverity({
            deaths,
            missing: c.missing,
            seriousInjuries: c.serious_injuries,
            directLossCny: c.direct_loss_cny,
          }),
        };
      }
      const point =
        township.points.length && rng.chance(0.7) ? township.points[rng.int(0, township.points.length - 1)]! : null;
      let road = noRoad;
      if (sector === 'ROAD_TRAFFIC') {
        const r = sampleRoad(rng, false);
        road = `${text(r.name)}\t${r.roadClass}\t{${sampleVehicles(rng).join(',')}}\t${sampleTrafficCause(rng)}\t${sampleWeather(rng, month)}\t${lightAt(hour, r.roadClass === 'URBAN')}`;
      }
      yield `${countyInstant(date, hour, rng.int(0, 59))}\t${township.id}\t${sector}\t${enterprise ? enterprise.id : NULL}\t${NULL}\t${num(point ? point[0] : null)}\t${num(point ? point[1] : null)}\t${c.deaths}\t${c.missing}\t${c.injuries}\t${c.serious_injuries}\t${c.direct_loss_cny}\t${c.severity}\t${summaries.get(sector)!}\t${NULL}\t${road}\n`;
    }
  }
}

function* hazardLines(rng: Random, total: number, enterprises: readonly EnterpriseInfo[]): Generator<string> {
  const last = dayNumber(`${SCALE_YEARS.to}-12-31`);
  const categories = Object.keys(BASE_CATEGORY) as HazardCategory[];
  const categoryCdf = new Map(
    SECTORS.map((s) => {
      const w = { ...BASE_CATEGORY, ...(SECTOR_CATEGORY[s] ?? {}) };
      return [
        s,
        new Cdf(
          categories,
          categories.map((c) => w[c]),
        ),
      ];
    }),
  );
  for (const [found, rows] of dailyCounts(total)) {
    const foundOn = isoDate(found);
    for (let k = 0; k < rows; k++) {
      const e = enterprises[rng.int(0, enterprises.length - 1)]!;
      const major = rng.chance(0.03);
      const category = categoryCdf.get(e.sector)!.sample(rng);
      const texts = HAZARD_TEXT[category];
      const deadline = found + (major ? rng.int(30, 90) : rng.int(7, 30));
      // Most hazards are rectified, some late; recent ones are often still open.
      const open = rng.chance(last - found < 90 ? 0.35 : 0.02);
      let rectified: number | null = null;
      let verified: number | null = null;
      if (!open) {
        const r = rng.chance(0.15) ? deadline + rng.int(3, 45) : found + rng.int(1, deadline - found);
        if (r <= last) rectified = r;
        if (rectified !== null && rng.chance(0.7) && rectified + 10 <= last) verified = rectified + rng.int(2, 10);
      }
      const status =
        verified !== null ? 'VERIFIED' : rectified !== null ? 'RECTIFIED' : rng.chance(0.5) ? 'RECTIFYING' : 'FOUND';
      const investment =
        status === 'FOUND'
          ? 0
          : Math.round((major ? rng.logNormal(180_000, 0.8) : rng.logNormal(3_000, 1)) / 100) * 100;
      yield `${e.id}\t${e.townshipId}\t${foundOn}\t${major ? 'MAJOR' : 'GENERAL'}\t${category}\t${texts[rng.int(0, texts.length - 1)]!}\t${isoDate(deadline)}\t${rectified === null ? NULL : isoDate(rectified)}\t${verified === null ? NULL : isoDate(verified)}\t${status}\t${investment}\n`;
    }
  }
}
