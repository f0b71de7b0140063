import { countyMonth, gradeSeverity, isValidCreditCode, type Sector } from '@hub/schema';
import { describe, expect, it } from 'vitest';
import { COUNTY_OUTLINE, outlineAreaKm2, pointInGeometry, townshipShapes } from './county-map.js';
import { DEMO_CALENDAR, DEMO_COUNTY_CODE, generateDemoCounty, type AccidentRow } from './generate.js';
import { Random } from './random.js';

const demo = generateDemoCounty();
const { reportYear, planYear, clusterMonth, firstYear } = DEMO_CALENDAR;
const clusterKey = `${reportYear}-${String(clusterMonth).padStart(2, '0')}`;
const dataEnd = `${reportYear}-12-31`;
const monthOf = (a: AccidentRow): string => countyMonth(new Date(a.occurred_at));
const inCluster = (a: AccidentRow): boolean => a.sector === 'ROAD_TRAFFIC' && monthOf(a) === clusterKey;
const tally = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
  return m;
};

describe('random', () => {
  it('is deterministic and spreads its values', () => {
    const a = new Random('x');
    const b = new Random('x');
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.05);
    const p = new Random(7);
    const mean = Array.from({ length: 4000 }, () => p.poisson(2.5)).reduce((s, x) => s + x, 0) / 4000;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.7);
  });
});

describe('the county map', () => {
  const shapes = townshipShapes();

  it('cuts the outline into 12 townships that cover it without gaps or overlaps', () => {
    expect(shapes).toHaveLength(12);
    const total = shapes.reduce((s, t) => s + t.areaKm2, 0);
    expect(Math.abs(total - outlineAreaKm2()) / outlineAreaKm2()).toBeLessThan(0.002);
    // A grid over the outline: every point inside the county lies in exactly one township.
    const ring = COUNTY_OUTLINE.coordinates[0]!;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    let inside = 0;
    let bad = 0;
    for (let x = Math.min(...xs); x < Math.max(...xs); x += 0.0137) {
      for (let y = Math.min(...ys); y < Math.max(...ys); y += 0.0131) {
        if (!pointInGeometry(x, y, COUNTY_OUTLINE)) continue;
        inside++;
        if (shapes.filter((s) => pointInGeometry(x, y, s.boundary)).length !== 1) bad++;
      }
    }
    expect(inside).toBeGreaterThan(1500);
    expect(bad).toBeLessThanOrEqual(1);
  });

  it('gives every township a label point inside it and a plausible area', () => {
    for (const s of shapes) {
      expect(pointInGeometry(s.centerLng, s.centerLat, s.boundary)).toBe(true);
      expect(s.areaKm2).toBeGreaterThan(100);
      expect(s.areaKm2).toBeLessThan(600);
      const rings =
        s.boundary.type === 'Polygon' ? [s.boundary.coordinates[0]!] : s.boundary.coordinates.map((p) => p[0]!);
      for (const r of rings) {
        expect(r[0]).toEqual(r[r.length - 1]);
        for (const [x, y] of r) {
          expect(Math.round(x * 1e5) / 1e5).toBe(x);
          expect(Math.round(y * 1e5) / 1e5).toBe(y);
        }
      }
    }
  });
});

describe('the demo county', () => {
  it('is the same on every run', () => {
    expect(generateDemoCounty()).toEqual(demo);
  });

  it('has the seed’s September: 3 fatal road-traffic accidents in a row, 4 dead, 2 injured', () => {
    const sept = demo.accidents.filter(inCluster);
    expect(sept).toHaveLength(3);
    expect(sept.reduce((s, a) => s + a.deaths, 0)).toBe(4);
    expect(sept.reduce((s, a) => s + a.injuries, 0)).toBe(2);
    expect(sept.reduce((s, a) => s + a.missing, 0)).toBe(0);
    for (const a of sept) {
      expect(a.deaths).toBeGreaterThan(0);
      expect(a.serious_injuries).toBeLessThanOrEqual(a.injuries);
      expect(['COUNTY', 'NATIONAL']).toContain(a.road_class);
      expect(a.lng).not.toBeNull();
    }
    expect(new Set(sept.map((a) => a.occurred_at.slice(0, 10))).size).toBe(3);
    const towns = new Set(sept.map((a) => a.township)).size;
    expect(towns).toBeGreaterThanOrEqual(2);
    expect(towns).toBeLessThanOrEqual(3);
  });

  it('has exactly 3 townships that reached safe-community status in the report year', () => {
    const achieved = demo.townships.filter((t) => t.safe_community_status === 'ACHIEVED');
    expect(achieved).toHaveLength(3);
    for (const t of achieved) expect(t.safe_community_year).toBe(reportYear);
    const others = demo.townships.filter((t) => t.safe_community_status !== 'ACHIEVED');
    expect(others.some((t) => t.safe_community_status === 'IN_PROGRESS')).toBe(true);
    for (const t of others) expect(t.safe_community_year).toBeNull();
  });

  it('has twelve townships with division codes and about 380,000 people', () => {
    expect(demo.townships).toHaveLength(12);
    for (const t of demo.townships) expect(t.code).toMatch(new RegExp(`^${DEMO_COUNTY_CODE}\\d{3}000$`));
    expect(new Set(demo.townships.map((t) => t.code)).size).toBe(12);
    expect(demo.townships[0]!.name).toBe('城关镇');
    const people = demo.townships.reduce((s, t) => s + t.population, 0);
    expect(people).toBeGreaterThan(370_000);
    expect(people).toBeLessThan(390_000);
  });

  it('has the 8 items of the plan year, numbered 1–8, with their measures', () => {
    const plan = demo.workPlanItems.filter((w) => w.year === planYear).sort((a, b) => a.number - b.number);
    expect(plan.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.map((w) => w.measure)).toEqual([
      'LAW_OUTREACH_PLACE_KINDS',
      'INSPECTIONS',
      'PROJECT_REVIEWS',
      'TRAINING_SESSIONS',
      'SAFE_COMMUNITY_TOWNSHIPS',
      'CERTIFIED_ENFORCEMENT_STAFF',
      'EMERGENCY_DRILLS',
      'INVESTIGATIONS_CLOSED_SHARE',
    ]);
    expect(plan[0]!.target_value).toBe(6);
    expect(plan[3]!.target_value).toBe(2);
    expect(plan[3]!.details).toContain('2—3期');
    expect(plan[4]!.target_value).toBe(demo.townships.length);
    expect(plan[7]!.target_value).toBe(1);
    expect(plan[0]!.details).toContain(`${reportYear}年12月1日`);
    for (const w of plan) expect(w.title).toMatch(/[\u4e00-\u9fff]/);
    expect(demo.workPlanItems.filter((w) => w.year === reportYear).length).toBeGreaterThan(0);
  });

  it('gives enterprises valid, distinct credit codes of the county', () => {
    expect(demo.enterprises.length).toBeGreaterThanOrEqual(280);
    for (const e of demo.enterprises) {
      expect(isValidCreditCode(e.credit_code), e.credit_code).toBe(true);
      expect(e.credit_code.slice(2, 8)).toBe(DEMO_COUNTY_CODE);
    }
    expect(new Set(demo.enterprises.map((e) => e.credit_code)).size).toBe(demo.enterprises.length);
    const above = demo.enterprises.filter((e) => e.above_designated_size).length / demo.enterprises.length;
    expect(above).toBeGreaterThan(0.18);
    expect(above).toBeLessThan(0.32);
    const grades = tally(demo.enterprises, (e) => e.standardization_grade);
    expect(grades.get('NONE')! / demo.enterprises.length).toBeGreaterThan(0.6);
    expect(grades.get('LEVEL_1') ?? 0).toBeLessThanOrEqual(5);
  });

  it('keeps casualty counts consistent and grades every accident with gradeSeverity', () => {
    for (const a of demo.accidents) {
      expect(a.injuries).toBeGreaterThanOrEqual(a.serious_injuries);
      for (const n of [a.deaths, a.missing, a.injuries, a.serious_injuries, a.direct_loss_cny])
        expect(n).toBeGreaterThanOrEqual(0);
      expect(a.severity).toBe(
        gradeSeverity({
          deaths: a.deaths,
          missing: a.missing,
          seriousInjuries: a.serious_injuries,
          directLossCny: a.direct_loss_cny,
        }),
      );
      expect(a.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
    const grades = tally(demo.accidents, (a) => a.severity);
    expect(grades.get('MAJOR') ?? 0).toBe(0);
    expect(grades.get('ESPECIALLY_MAJOR') ?? 0).toBe(0);
    expect(grades.get('LARGER')).toBeGreaterThanOrEqual(2);
    expect(grades.get('LARGER')).toBeLessThanOrEqual(4);
    expect(demo.accidents.length).toBeGreaterThanOrEqual(240);
    expect(demo.accidents.length).toBeLessThanOrEqual(300);
  });

  it('places every located accident inside its township, about 70% of them', () => {
    const located = demo.accidents.filter((a) => a.lng !== null);
    for (const a of located) {
      expect(pointInGeometry(a.lng!, a.lat!, demo.townships[a.township]!.boundary)).toBe(true);
    }
    const share = located.length / demo.accidents.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.85);
  });

  it('fills road details for road traffic only', () => {
    for (const a of demo.accidents) {
      if (a.sector === 'ROAD_TRAFFIC') {
        expect(a.road_name).toBeTruthy();
        expect(a.road_class).toBeTruthy();
        expect(a.vehicle_types.length).toBeGreaterThan(0);
        expect(a.traffic_cause && a.weather && a.light).toBeTruthy();
      } else {
        expect([a.road_name, a.road_class, a.traffic_cause, a.weather, a.light]).toEqual([
          null,
          null,
          null,
          null,
          null,
        ]);
        expect(a.vehicle_types).toEqual([]);
      }
      if (a.enterprise !== null) {
        const e = demo.enterprises[a.enterprise]!;
        expect(e.sector).toBe(a.sector);
        expect(e.township).toBe(a.township);
      }
    }
  });

  it('makes road traffic the field with the most accidents every year, at a low monthly rate', () => {
    for (let year = firstYear; year <= reportYear; year++) {
      const counts = tally(
        demo.accidents.filter((a) => a.occurred_at.startsWith(String(year))),
        (a) => a.sector,
      );
      const road = counts.get('ROAD_TRAFFIC')!;
      expect(road).toBeGreaterThanOrEqual(10);
      expect(road).toBeLessThanOrEqual(13);
      for (const [sector, n] of counts)
        if (sector !== 'ROAD_TRAFFIC') expect(n, `${year} ${sector}`).toBeLessThan(road);
      const fatalRoad = demo.accidents.filter(
        (a) => a.sector === 'ROAD_TRAFFIC' && a.deaths > 0 && a.occurred_at.startsWith(String(year)) && !inCluster(a),
      );
      expect(fatalRoad.length).toBeGreaterThanOrEqual(2);
      expect(fatalRoad.length).toBeLessThanOrEqual(5);
    }
  });

  it('has no other cluster: outside the seed’s month no field has 3 accidents in a month', () => {
    const others = demo.accidents.filter((a) => !inCluster(a));
    for (const [key, n] of tally(others, (a) => `${a.sector} ${monthOf(a)}`)) {
      expect(n, key).toBeLessThan(3);
      if (key.startsWith('ROAD_TRAFFIC')) expect(n, key).toBeLessThanOrEqual(2);
    }
    for (const [key, n] of tally(
      others.filter((a) => a.sector === 'ROAD_TRAFFIC' && a.deaths > 0),
      monthOf,
    )) {
      expect(n, key).toBe(1);
    }
    for (const [key, n] of tally(others, (a) => `${a.sector} ${monthOf(a)} ${a.township}`)) expect(n, key).toBe(1);
    // The seed's month holds road-traffic accidents of the cluster only.
    expect(demo.accidents.filter((a) => a.sector === 'ROAD_TRAFFIC' && monthOf(a) === clusterKey)).toHaveLength(3);
  });

  it('makes the seed’s September the only Poisson exceedance over a trailing 24-month baseline', () => {
    // The hub's kind of cluster test: per field (county-wide and per township) and month, all accidents and
    // fatal accidents against the trailing rate of up to 24 months (at least 12), half an event of prior,
    // at least 3 events, p doubled for the two measures, significant below 1%.
    const upperTail = (k: number, lambda: number) => {
      let term = Math.exp(-lambda);
      let below = 0;
      for (let i = 0; i < k; i++) {
        below += term;
        term *= lambda / (i + 1);
      }
      return Math.max(0, 1 - below);
    };
    const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
    const cells = new Map<string, { all: number; fatal: number }>();
    for (const a of demo.accidents) {
      for (const where of ['county', String(a.township)]) {
        const key = `${a.sector}|${where}|${index(monthOf(a))}`;
        const cell = cells.get(key) ?? { all: 0, fatal: 0 };
        cell.all++;
        if (a.deaths + a.missing > 0) cell.fatal++;
        cells.set(key, cell);
      }
    }
    const start = index(`${firstYear}-01`);
    const found: string[] = [];
    const pValues: number[] = [];
    for (const key of cells.keys()) {
      const [sector, where, m] = key.split('|') as [string, string, string];
      const month = Number(m);
      const from = Math.max(start, month - 24);
      if (month - from < 12) continue;
      let all = 0;
      let fatal = 0;
      for (let i = from; i < month; i++) {
        all += cells.get(`${sector}|${where}|${i}`)?.all ?? 0;
        fatal += cells.get(`${sector}|${where}|${i}`)?.fatal ?? 0;
      }
      const cell = cells.get(key)!;
      for (const [observed, past] of [
        [cell.all, all],
        [cell.fatal, fatal],
      ] as const) {
        if (observed < 3) continue;
        const p = Math.min(1, 2 * upperTail(observed, (past + 0.5) / (month - from)));
        if (p < 0.01) {
          found.push(`${sector} ${where} ${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
          pValues.push(p);
        }
      }
    }
    expect([...new Set(found)]).toEqual([`ROAD_TRAFFIC county ${clusterKey}`]);
    expect(Math.min(...pValues)).toBeLessThan(0.007);
  });

  it('has seasonal fields: fires in the dry season, boats in the flood season', () => {
    const bySeason = (sector: Sector, months: number[]) =>
      demo.accidents.filter((a) => a.sector === sector && months.includes(Number(monthOf(a).slice(5)))).length;
    expect(bySeason('FIRE', [11, 12, 1, 2, 3])).toBeGreaterThan(bySeason('FIRE', [5, 6, 7, 8, 9]));
    expect(bySeason('WATER_TRAFFIC', [5, 6, 7, 8, 9])).toBeGreaterThan(bySeason('WATER_TRAFFIC', [11, 12, 1, 2, 3]));
  });

  it('investigates most accidents under 四不放过 and closes a case only when all four points are met', () => {
    const share = demo.investigations.length / demo.accidents.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.97);
    expect(new Set(demo.investigations.map((i) => i.accident)).size).toBe(demo.investigations.length);
    for (const inv of demo.investigations) {
      const all = inv.cause_identified && inv.responsible_dealt_with && inv.people_educated && inv.measures_implemented;
      if (inv.closed_on) {
        expect(all).toBe(true);
        expect(inv.closed_on >= inv.opened_on).toBe(true);
        expect(inv.closed_on <= dataEnd).toBe(true);
      }
      expect(inv.opened_on >= demo.accidents[inv.accident]!.occurred_at.slice(0, 10)).toBe(true);
    }
    const open = demo.investigations.filter((i) => !i.closed_on);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => demo.accidents[i.accident]!.occurred_at.startsWith(String(reportYear)))).toBe(true);
  });

  it('has hazards with a realistic rectification backlog, worse in a few townships', () => {
    expect(demo.hazards.length).toBeGreaterThanOrEqual(3000);
    expect(demo.hazards.length).toBeLessThanOrEqual(4000);
    const major = demo.hazards.filter((h) => h.level === 'MAJOR').length / demo.hazards.length;
    expect(major).toBeGreaterThan(0.015);
    expect(major).toBeLessThan(0.05);
    for (const h of demo.hazards) {
      const days = (Date.parse(h.deadline) - Date.parse(h.found_on)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(7);
      expect(days).toBeLessThanOrEqual(90);
      const status = h.verified_on ? 'VERIFIED' : h.rectified_on ? 'RECTIFIED' : h.status;
      expect(h.status).toBe(status);
      if (!h.rectified_on) expect(['FOUND', 'RECTIFYING']).toContain(h.status);
      if (h.verified_on) expect(h.rectified_on! <= h.verified_on).toBe(true);
      if (h.rectified_on) expect(h.rectified_on >= h.found_on && h.rectified_on <= dataEnd).toBe(true);
      if (h.inspection !== null) {
        const i = demo.inspections[h.inspection]!;
        expect([i.inspected_on, i.township, i.enterprise]).toEqual([h.found_on, h.township, h.enterprise]);
      }
    }
    const late = demo.hazards.filter((h) => h.rectified_on && h.rectified_on > h.deadline).length;
    expect(late).toBeGreaterThan(100);
    const current = demo.hazards.filter((h) => h.found_on.startsWith(String(reportYear)));
    const backlog = current.filter((h) => !h.rectified_on).length / current.length;
    expect(backlog).toBeGreaterThan(0.1);
    expect(backlog).toBeLessThan(0.2);
    const open = new Set(current.filter((h) => !h.rectified_on).map((h) => h.status));
    expect(open).toEqual(new Set(['FOUND', 'RECTIFYING']));
    // The weak townships' backlog is clearly worse than the county's.
    const rate = (t: number) => {
      const hs = current.filter((h) => h.township === t);
      return hs.filter((h) => !h.rectified_on).length / hs.length;
    };
    const rates = demo.townships.map((_, t) => rate(t)).sort((a, b) => b - a);
    expect(rates[2]!).toBeGreaterThan(1.5 * backlog);
  });

  it('has inspections with campaigns, joint work and penalties', () => {
    expect(demo.inspections.length).toBeGreaterThanOrEqual(1400);
    expect(demo.inspections.length).toBeLessThanOrEqual(1700);
    const depts = tally(demo.inspectionDepartments, (d) => String(d.inspection));
    demo.inspections.forEach((i, k) => {
      expect(depts.get(String(k)) ?? 0).toBeGreaterThanOrEqual(1);
      expect(i.joint).toBe((depts.get(String(k)) ?? 0) > 1);
      expect(i.holiday_period !== null).toBe(i.campaign === 'HOLIDAY');
      if (i.campaign === 'SIX_CRACKDOWNS') expect(i.inspected_on >= `${reportYear}-05-01`).toBe(true);
      expect(i.inspected_on <= dataEnd && i.inspected_on >= `${firstYear}-01-01`).toBe(true);
    });
    const joint = demo.inspections.filter((i) => i.joint).length / demo.inspections.length;
    expect(joint).toBeGreaterThan(0.15);
    expect(joint).toBeLessThan(0.3);
    const penalised = demo.inspections.filter((i) => i.penalty_cny > 0).length / demo.inspections.length;
    expect(penalised).toBeGreaterThan(0.06);
    expect(penalised).toBeLessThan(0.16);
  });

  it('has supervisory capacity with visible gaps and one owner per row', () => {
    for (const c of demo.supervisoryCapacity) {
      expect((c.township === null) !== (c.department === null)).toBe(true);
      expect(c.certified_enforcement_staff).toBeLessThanOrEqual(c.staff_actual);
    }
    const towns = demo.supervisoryCapacity.filter((c) => c.year === reportYear && c.township !== null);
    expect(towns).toHaveLength(12);
    expect(towns.filter((c) => c.staff_required > c.staff_actual).length).toBeGreaterThanOrEqual(8);
    const without = towns.filter((c) => !c.institution_established).length;
    expect(without).toBeGreaterThanOrEqual(1);
    expect(without).toBeLessThanOrEqual(3);
    expect(new Set(demo.supervisoryCapacity.map((c) => `${c.year} ${c.township} ${c.department}`)).size).toBe(
      demo.supervisoryCapacity.length,
    );
  });

  it('keeps the dates of the other records in order and inside the data’s years', () => {
    for (const p of demo.projectReviews) {
      const stages = [p.design_reviewed_on, p.construction_accepted_on, p.commissioned_on];
      const known = stages.filter((s): s is string => s !== null);
      expect(known).toEqual([...known].sort());
      expect(stages.slice(0, known.length)).toEqual(known); // a later stage only after the earlier ones
      for (const s of known) expect(s <= dataEnd).toBe(true);
    }
    expect(demo.projectReviews.some((p) => p.commissioned_on === null)).toBe(true);
    for (const t of demo.supervisionTasks) {
      expect(t.due_on > t.assigned_on).toBe(true);
      expect((t.township === null) !== (t.department === null)).toBe(true);
      if (t.completed_on) expect(t.completed_on <= dataEnd && t.completed_on >= t.assigned_on).toBe(true);
    }
    for (const s of demo.trainingSessions) {
      expect(s.ends_on >= s.starts_on).toBe(true);
      expect(s.certified).toBeLessThanOrEqual(s.trainees);
    }
    const overdue = demo.emergencyPlans.filter((p) => p.last_revised_on < `${reportYear - 3}-12-31`).length;
    expect(overdue).toBeGreaterThan(3);
    expect(overdue).toBeLessThan(demo.emergencyPlans.length / 2);
    for (const p of demo.emergencyPlans)
      expect([p.township, p.department, p.enterprise].filter((x) => x !== null)).toHaveLength(1);
    for (const d of demo.drills) expect(d.held_on <= dataEnd).toBe(true);
    const stats = demo.countyYearStatistics;
    expect(stats.map((s) => s.year)).toEqual([firstYear, firstYear + 1, reportYear]);
    for (let i = 1; i < stats.length; i++) {
      expect(stats[i]!.motor_vehicles).toBeGreaterThan(stats[i - 1]!.motor_vehicles);
      expect(stats[i]!.gdp_cny).toBeGreaterThan(stats[i - 1]!.gdp_cny);
    }
  });

  it('reaches all six kinds of place with its outreach in the report year', () => {
    const places = new Set(
      demo.outreachActivities.filter((o) => o.held_on.startsWith(String(reportYear))).map((o) => o.place),
    );
    expect(places.size).toBe(6);
  });
});
