// The demo county's map: the outline of 灵山县 (see README.md for its source and licence) cut into 12
// illustrative township polygons. The cut is a centroidal Voronoi partition: 12 seed points inside the
// outline, relaxed by Lloyd's algorithm, each cell clipped exactly to the outline. Clipping a (concave)
// polygon by the cell's half-planes one at a time splits it properly when a cut leaves several pieces, so
// the cells are non-overlapping, gap-free and together cover the outline. Deterministic: no randomness
// beyond a seeded stream.
import outlineJson from './lingshan-outline.json' with { type: 'json' };
import { Random } from './random.js';

export type Point = [number, number];
/** An open ring (first point not repeated at the end), counter-clockwise for outer rings. */
type Ring = Point[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Point[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Point[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface TownshipShape {
  /** GeoJSON (closed rings, counter-clockwise, coordinates rounded to 5 decimals). */
  boundary: AreaGeometry;
  centerLng: number;
  centerLat: number;
  areaKm2: number;
}

/** Where the county seat sits (the source's own label point of the county); its cell becomes 城关镇. */
export const COUNTY_SEAT: Point = [109.291006, 22.416536];
export const TOWNSHIP_COUNT = 12;
const DECIMALS = 5;

/** The county outline as GeoJSON. */
export const COUNTY_OUTLINE: PolygonGeometry = {
  type: 'Polygon',
  coordinates: (outlineJson as { coordinates: number[][][] }).coordinates.map((r) => r.map(([x, y]) => [x!, y!])),
};

// ---------------------------------------------------------------------------------------------------------
// Planar geometry on open rings

function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

function centroid(ring: Ring): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    const c = x1 * y2 - x2 * y1;
    a += c;
    cx += (x1 + x2) * c;
    cy += (y1 + y2) * c;
  }
  a /= 2;
  return a === 0 ? { x: ring[0]![0], y: ring[0]![1], area: 0 } : { x: cx / (6 * a), y: cy / (6 * a), area: a };
}

/**
 * Clips a simple counter-clockwise ring to the half-plane a·x + b·y ≤ c. A concave ring may fall apart
 * into several pieces; each is returned as its own ring. Where the ring crosses the line, the crossings
 * sorted along the line pair up as (the line enters the ring, the line leaves it), which tells how to
 * join the inside chains along the line.
 */
export function clipRingToHalfPlane(ring: Ring, a: number, b: number, c: number): Ring[] {
  const n = ring.length;
  const d = ring.map(([x, y]) => a * x + b * y - c);
  const inside = d.map((v) => v <= 0);
  if (inside.every(Boolean)) return [ring];
  if (!inside.some(Boolean)) return [];

  interface Node {
    p: Point;
    kind: 'vertex' | 'entry' | 'exit';
    s: number; // position along the line (for crossings)
    partner: number; // for an exit, the node index of the entry it joins along the line
  }
  const nodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    if (inside[i]) nodes.push({ p: ring[i]!, kind: 'vertex', s: 0, partner: -1 });
    if (inside[i] !== inside[j]) {
      const t = d[i]! / (d[i]! - d[j]!);
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[j]!;
      const p: Point = [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
      // Direction along the line: u = (-b, a); a crossing from inside to outside is where the line enters the ring.
      nodes.push({ p, kind: inside[i] ? 'exit' : 'entry', s: -b * p[0] + a * p[1], partner: -1 });
    }
  }
  const crossings = nodes
    .map((node, index) => ({ node, index }))
    .filter(({ node }) => node.kind !== 'vertex')
    .sort((x, y) => x.node.s - y.node.s || (x.node.kind === 'exit' ? -1 : 1));
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const enter = crossings[k]!;
    const leave = crossings[k + 1]!;
    if (enter.node.kind !== 'exit' || leave.node.kind !== 'entry') throw new Error('clip: crossings out of order');
    enter.node.partner = leave.index;
  }

  const visited = new Uint8Array(nodes.length);
  const pieces: Ring[] = [];
  for (let start = 0; start < nodes.length; start++) {
    if (nodes[start]!.kind !== 'entry' || visited[start]) continue;
    const piece: Ring = [];
    let cur = start;
    for (let guard = 0; guard <= nodes.length; guard++) {
      visited[cur] = 1;
      const node = nodes[cur]!;
      piece.push(node.p);
      const next = node.kind === 'exit' ? node.partner : (cur + 1) % nodes.length;
      if (next === start) break;
      cur = next;
    }
    if (Math.abs(signedArea(piece)) > 1e-12) pieces.push(piece);
  }
  return pieces;
}

/** Ray casting; a point exactly on an edge may go either way. */
function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when (lng, lat) lies inside a GeoJSON Polygon or MultiPolygon (holes respected). */
export function pointInGeometry(lng: number, lat: number, geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    (rings) => pointInRing(lng, lat, rings[0]!) && !rings.slice(1).some((hole) => pointInRing(lng, lat, hole)),
  );
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
  return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
}

function boundingBox(rings: readonly Ring[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rings)
    for (const [x, y] of r) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY];
}

/** A label point well inside a ring: the grid point farthest from its boundary, refined twice. */
function labelPoint(ring: Ring): Point {
  let [minX, minY, maxX, maxY] = boundingBox([ring]);
  let best: Point = [ring[0]![0], ring[0]![1]];
  let bestD = -1;
  for (let round = 0; round < 4; round++) {
    const steps = 16;
    const sx = (maxX - minX) / steps;
    const sy = (maxY - minY) / steps;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const x = minX + i * sx;
        const y = minY + j * sy;
        if (!pointInRing(x, y, ring)) continue;
        let dmin = Infinity;
        for (let k = 0; k < ring.length; k++)
          dmin = Math.min(dmin, distanceToSegment(x, y, ring[k]!, ring[(k + 1) % ring.length]!));
        if (dmin > bestD) [bestD, best] = [dmin, [x, y]];
      }
    }
    [minX, maxX, minY, maxY] = [best[0] - 2 * sx, best[0] + 2 * sx, best[1] - 2 * sy, best[1] + 2 * sy];
  }
  return best;
}

/** Area in km² of open rings in degrees (local equirectangular projection; fine at county scale). */
function areaKm2(rings: readonly Ring[]): number {
  const [, minY, , maxY] = boundingBox(rings);
  const lat0 = ((minY + maxY) / 2) * (Math.PI / 180);
  const kx = 111.32 * Math.cos(lat0);
  const ky = 110.574;
  return rings.reduce((s, r) => s + Math.abs(signedArea(r)), 0) * kx * ky;
}

const round = (v: number): number => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Rounds a ring, drops repeated points and closes it; null when too little is left. */
function toGeoJsonRing(ring: Ring): Point[] | null {
  const out: Point[] = [];
  for (const [x, y] of ring) {
    const p: Point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return null;
  return [...out, out[0]!];
}

// ---------------------------------------------------------------------------------------------------------
// The partition

const OUTLINE_RING: Ring = COUNTY_OUTLINE.coordinates[0]!.slice(0, -1).map(([x, y]) => [x, y] as Point);

/** The outline cut to the Voronoi cell of seeds[i]: the points nearer seeds[i] than any other seed. */
function voronoiCell(seeds: readonly Point[], i: number): Ring[] {
  let pieces: Ring[] = [OUTLINE_RING];
  const [xi, yi] = seeds[i]!;
  for (let j = 0; j < seeds.length && pieces.length; j++) {
    if (j === i) continue;
    const [xj, yj] = seeds[j]!;
    const a = xj - xi;
    const b = yj - yi;
    const c = (xj * xj + yj * yj - xi * xi - yi * yi) / 2;
    pieces = pieces.flatMap((piece) => clipRingToHalfPlane(piece, a, b, c));
  }
  return pieces;
}

/** Points of a regular grid (spacing `step`) inside a ring, found row by row from the ring's crossings. */
function gridInside(ring: Ring, step: number): Point[] {
  const [minX, minY, maxX, maxY] = boundingBox([ring]);
  const out: Point[] = [];
  for (let y = minY + step / 2; y < maxY; y += step) {
    const xs: number[] = [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = minX + step / 2 + Math.ceil((xs[k]! - minX - step / 2) / step) * step;
      for (let x = from; x < xs[k + 1]! && x < maxX; x += step) out.push([x, y]);
    }
  }
  return out;
}

/** Seed points inside the outline, relaxed toward the centroids of their cells (Lloyd) on a grid sample. */
function relaxedSeeds(label: string, grid: readonly Point[]): Point[] {
  const rng = new Random(label);
  const [minX, minY, maxX, maxY] = boundingBox([OUTLINE_RING]);
  let seeds: Point[] = [];
  while (seeds.length < TOWNSHIP_COUNT) {
    const p: Point = [rng.float(minX, maxX), rng.float(minY, maxY)];
    if (pointInRing(p[0], p[1], OUTLINE_RING)) seeds.push(p);
  }
  for (let iter = 0; iter < 60; iter++) {
    const sum = seeds.map(() => ({ x: 0, y: 0, n: 0 }));
    for (const [x, y] of grid) {
      let best = 0;
      let bestD = Infinity;
      for (let k = 0; k < seeds.length; k++) {
        const d = (x - seeds[k]![0]) ** 2 + (y - seeds[k]![1]) ** 2;
        if (d < bestD) [bestD, best] = [d, k];
      }
      const s = sum[best]!;
      s.x += x;
      s.y += y;
      s.n++;
    }
    seeds = seeds.map((seed, k) => (sum[k]!.n ? [sum[k]!.x / sum[k]!.n, sum[k]!.y / sum[k]!.n] : seed));
  }
  return seeds;
}

/**
 * The Voronoi cells of the first seed set (of a fixed sequence of seeded tries) whose every cell is one
 * piece: with a concave outline, a cell can otherwise keep a sliver beyond an inlet of the border.
 */
function partition(): Ring[][] {
  const grid = gridInside(OUTLINE_RING, 0.008);
  for (let attempt = 0; attempt < 50; attempt++) {
    const seeds = relaxedSeeds(`demo-county-map-${attempt}`, grid);
    const cells = seeds.map((_, i) => voronoiCell(seeds, i));
    if (cells.every((pieces) => pieces.length === 1)) return cells;
  }
  throw new Error('county map: no partition into single-piece townships found');
}

let cached: TownshipShape[] | null = null;

/**
 * The 12 township shapes, the county seat's first, the others ordered clockwise from north around it.
 * Computed once per process (a few tens of milliseconds) and shared; treat the result as read-only.
 */
export function townshipShapes(): readonly TownshipShape[] {
  if (cached) return cached;
  const cells = partition();
  const seatIndex = cells.findIndex((pieces) => pieces.some((r) => pointInRing(COUNTY_SEAT[0], COUNTY_SEAT[1], r)));
  const bearing = (i: number): number => {
    const c = centroid(cells[i]!.reduce((a, b) => (Math.abs(signedArea(a)) >= Math.abs(signedArea(b)) ? a : b)));
    const angle = Math.atan2(c.x - COUNTY_SEAT[0], c.y - COUNTY_SEAT[1]); // from north, clockwise
    return angle < 0 ? angle + 2 * Math.PI : angle;
  };
  const order = [
    seatIndex,
    ...cells
      .map((_, i) => i)
      .filter((i) => i !== seatIndex)
      .sort((x, y) => bearing(x) - bearing(y)),
  ];

  cached = order.map((i) => {
    const pieces = cells[i]!.slice().sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
    const rings = pieces.map(toGeoJsonRing).filter((r): r is Point[] => r !== null);
    const boundary: AreaGeometry =
      rings.length === 1
        ? { type: 'Polygon', coordinates: [rings[0]!] }
        : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
    let label = i === seatIndex ? COUNTY_SEAT : labelPoint(pieces[0]!);
    label = [round(label[0]), round(label[1])];
    if (!pointInGeometry(label[0], label[1], boundary)) label = labelPoint(rings[0]!.slice(0, -1));
    return {
      boundary,
      centerLng: round(label[0]),
      centerLat: round(label[1]),
      areaKm2: Math.round(areaKm2(pieces) * 10) / 10,
    };
  });
  return cached;
}

/** Bounding box [minLng, minLat, maxLng, maxLat] of a geometry. */
export function geometryBounds(geometry: AreaGeometry): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return boundingBox(polygons.map((rings) => rings[0]!));
}

/** A uniformly random point inside a geometry (rejection sampling on its bounding box), rounded to 5 decimals. */
export function randomPointIn(geometry: AreaGeometry, rng: Random): Point {
  const [minX, minY, maxX, maxY] = geometryBounds(geometry);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const x = round(rng.float(minX, maxX));
    const y = round(rng.float(minY, maxY));
    if (pointInGeometry(x, y, geometry)) return [x, y];
  }
  throw new Error('randomPointIn: no point found inside the geometry');
}

/** Area of the outline in km², for checks. */
export function outlineAreaKm2(): number {
  return areaKm2([OUTLINE_RING]);
}
