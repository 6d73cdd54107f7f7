// Converts Natural Earth's countries (1:10m, as TopoJSON in the npm package `world-atlas`) into
// the program's compact base map, `assets/basemap.bin`. Run once after changing it:
//
//     cd tools/basemap && npm install && node make-basemap.mjs
//
// What it keeps: Europe and its surroundings (BOX), finer near Belarus (DETAIL) than
// elsewhere: country fills as triangles (Belarus apart), and coastlines, land borders and
// Belarus's own border as lines (every arc simplified once, so that borders still meet).
//
// The format (little-endian, read by src/map/basemap.rs):
//   "BTMAP" 0x00, version u8 = 1, 0x00
//   varint quantum (units per degree), varint layer count
//   per layer: u8 kind, then
//     fills (kind 1 land, 2 Belarus): varint vertex count, the vertices, varint triangle
//       count, 3 varint vertex indices per triangle
//     lines (kind 3 coast, 4 border, 5 Belarus's border): varint line count, per line a
//       varint point count and the points
//   Points are zigzag varint deltas of (lon, lat) × quantum from the layer's previous point.
//
// Natural Earth is in the public domain: https://www.naturalearthdata.com/about/terms-of-use/

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import earcut, { deviation } from "earcut";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "node_modules/world-atlas/countries-10m.json");
const target = join(here, "../../assets/basemap.bin");

/** The part of the world kept: [west, south, east, north] in degrees. */
const BOX = [-30, 30, 62, 75];
/** Arcs that reach into this box (Belarus and its neighbours) keep more detail. */
const DETAIL = [18, 48, 36, 59];
/** Douglas–Peucker tolerances in degrees. */
const FINE = 0.004;
const COARSE = 0.03;
const QUANTUM = 1000;
const HOME = "Belarus";

const topo = JSON.parse(readFileSync(source, "utf8"));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;

// Arcs, decoded from quantized deltas.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

const intersects = (points, [w, s, e, n]) =>
  points.some(([x, y]) => x >= w && x <= e && y >= s && y <= n);

function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let far = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst > 0 && far > tolerance) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const simplified = arcs.map((arc) =>
  simplify(arc, intersects(arc, DETAIL) ? FINE : COARSE),
);

const geometries = topo.objects.countries.geometries;
const polygonsOf = (g) =>
  g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];

// How many countries use each arc: one is a coast, two a land border.
const users = new Map();
for (const g of geometries) {
  const seen = new Set();
  for (const polygon of polygonsOf(g))
    for (const ring of polygon)
      for (const i of ring) seen.add(i < 0 ? ~i : i);
  for (const i of seen) users.set(i, (users.get(i) ?? 0) + 1);
}
const home = geometries.find((g) => g.properties?.name === HOME);
const homeArcs = new Set();
for (const polygon of polygonsOf(home))
  for (const ring of polygon) for (const i of ring) homeArcs.add(i < 0 ? ~i : i);

/** The ring of `ring` (arc indices) at full detail. */
function fullRing(ring) {
  const points = [];
  for (const i of ring) {
    const arc = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** Far outside BOX (Siberia, Africa) a fill only has to be there, not be exact. */
const FAR = 0.2;
const NEAR_BOX = [BOX[0] - 2, BOX[1] - 2, BOX[2] + 2, BOX[3] + 2];

// Each polygon is simplified on its own (rings, not arcs: the fills need not meet the lines
// to the pixel), triangulated, and checked: when simplifying made a ring cross itself, the
// triangles would paint the sea, so the tolerance halves until they cover the polygon.
// Only the triangles that reach into BOX are kept.
function fills(select) {
  const vertices = [];
  const triangles = [];
  for (const g of geometries.filter(select)) {
    for (const polygon of polygonsOf(g)) {
      const full = polygon.map(fullRing);
      const tolerance = (ring) =>
        intersects(ring, DETAIL) ? FINE : intersects(ring, NEAR_BOX) ? COARSE : FAR;
      let scale = 1;
      let flat;
      let holes;
      let triangulated;
      for (;;) {
        const rings = full
          .map((ring) => (scale > 0 ? simplify(ring, tolerance(ring) * scale) : ring))
          .filter((r) => r.length >= 4);
        flat = [];
        holes = [];
        for (const ring of rings) {
          if (flat.length) holes.push(flat.length / 2);
          for (const [x, y] of ring) flat.push(x, y);
        }
        triangulated = flat.length ? earcut(flat, holes) : [];
        const off = flat.length ? deviation(flat, holes, 2, triangulated) : 0;
        if (off <= 0.001 || scale === 0) break;
        scale = scale > 1 / 64 ? scale / 2 : 0;
      }
      const inside = (k) => {
        const [w, s, e, n] = NEAR_BOX;
        const x = flat[2 * k];
        const y = flat[2 * k + 1];
        return x >= w && x <= e && y >= s && y <= n;
      };
      const remap = new Map();
      for (let t = 0; t < triangulated.length; t += 3) {
        const corners = triangulated.slice(t, t + 3);
        if (!corners.some(inside)) continue;
        for (const k of corners) {
          if (!remap.has(k)) {
            remap.set(k, vertices.length);
            vertices.push([flat[2 * k], flat[2 * k + 1]]);
          }
          triangles.push(remap.get(k));
        }
      }
    }
  }
  return { vertices, triangles };
}

// Splits a line into its runs inside BOX (with one point beyond each end, so it reaches the edge).
function clipLine(points) {
  const [w, s, e, n] = BOX;
  const inside = ([x, y]) => x >= w && x <= e && y >= s && y <= n;
  const runs = [];
  let run = [];
  points.forEach((p, k) => {
    const near = inside(p) || (k > 0 && inside(points[k - 1])) || (k + 1 < points.length && inside(points[k + 1]));
    if (near) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length >= 2) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

function lines(select) {
  const out = [];
  simplified.forEach((arc, i) => {
    if (select(i)) out.push(...clipLine(arc));
  });
  return out;
}

// The binary writer.
const bytes = [];
const varint = (value) => {
  let v = value;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
};
const zigzag = (v) => (v < 0 ? -2 * v - 1 : 2 * v);
let previous = [0, 0];
const point = ([lon, lat]) => {
  const q = [Math.round(lon * QUANTUM), Math.round(lat * QUANTUM)];
  varint(zigzag(q[0] - previous[0]));
  varint(zigzag(q[1] - previous[1]));
  previous = q;
};

const layers = [
  [1, fills((g) => g !== home && polygonsOf(g).some((p) => intersects(fullRing(p[0]), BOX)))],
  [2, fills((g) => g === home)],
  [3, lines((i) => users.get(i) === 1 && !homeArcs.has(i))],
  [4, lines((i) => (users.get(i) ?? 0) >= 2 && !homeArcs.has(i))],
  [5, lines((i) => homeArcs.has(i))],
];

bytes.push(..."BTMAP".split("").map((c) => c.charCodeAt(0)), 0, 1, 0);
varint(QUANTUM);
varint(layers.length);
let summary = [];
for (const [kind, layer] of layers) {
  bytes.push(kind);
  previous = [0, 0];
  if (kind <= 2) {
    varint(layer.vertices.length);
    layer.vertices.forEach(point);
    varint(layer.triangles.length / 3);
    layer.triangles.forEach(varint);
    summary.push(`fill ${kind}: ${layer.vertices.length} vertices, ${layer.triangles.length / 3} triangles`);
  } else {
    varint(layer.length);
    for (const line of layer) {
      varint(line.length);
      line.forEach(point);
    }
    summary.push(`lines ${kind}: ${layer.length} lines, ${layer.reduce((n, l) => n + l.length, 0)} points`);
  }
}
writeFileSync(target, Uint8Array.from(bytes));
console.log(summary.join("\n"));
console.log(`${target}: ${bytes.length} bytes`);
