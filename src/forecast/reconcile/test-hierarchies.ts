/*
 * Small hierarchies, dense reference linear algebra and seeded data for the reconciliation tests. Not part of
 * the library's API.
 */
import { Random } from "../random.js";
import { buildHierarchy, type Hierarchy } from "./hierarchy.js";

/** The configured levels without campaign. */
export const LEVELS = [
  { name: "total", dimensions: [] },
  { name: "geo", dimensions: ["geo"] },
  { name: "device", dimensions: ["device"] },
  { name: "geo_device", dimensions: ["geo", "device"] },
];

/** geos × devices leaves, keyed as the store keys geo_device. */
export function gridHierarchy(geos: string[], devices: string[]): Hierarchy {
  const keys = geos.flatMap((g) => devices.map((d) => `geo=${g}|device=${d}`));
  return buildHierarchy(keys, LEVELS);
}

/** Dense S (series × leaves, row-major). */
export function denseS(h: Hierarchy): Float64Array {
  const n = h.keys.length;
  const m = h.leafKeys.length;
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let e = h.rowStart[i]; e < h.rowStart[i + 1]; e++) s[i * m + h.leaves[e]] = 1;
  return s;
}

/** The inverse of a square matrix by Gauss-Jordan with partial pivoting (reference only). */
export function inverse(a: Float64Array, n: number): Float64Array {
  const w = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(w[r * n + c]) > Math.abs(w[p * n + c])) p = r;
    for (let k = 0; k < n; k++) {
      [w[c * n + k], w[p * n + k]] = [w[p * n + k], w[c * n + k]];
      [inv[c * n + k], inv[p * n + k]] = [inv[p * n + k], inv[c * n + k]];
    }
    const d = w[c * n + c];
    for (let k = 0; k < n; k++) {
      w[c * n + k] /= d;
      inv[c * n + k] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = w[r * n + c];
      for (let k = 0; k < n; k++) {
        w[r * n + k] -= f * w[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}

/** a (r × k) times b (k × c). */
export function multiply(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += a[i * k + q] * b[q * c + j];
      out[i * c + j] = s;
    }
  return out;
}

/** The transpose of a (r × c). */
export function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

/** The textbook G = (S' W^-1 S)^-1 S' W^-1 (leaves × series), W dense n × n. */
export function referenceG(h: Hierarchy, w: Float64Array): Float64Array {
  const n = h.keys.length;
  const m = h.leafKeys.length;
  const s = denseS(h);
  const st = transpose(s, n, m);
  const stWinv = multiply(st, inverse(w, n), m, n, n);
  return multiply(inverse(multiply(stWinv, s, m, n, m), m), stWinv, m, m, n);
}

/** A random symmetric positive definite n × n matrix, A A' / n + diag. */
export function randomSpd(n: number, seed: number): Float64Array {
  const random = new Random(seed);
  const a = random.fillNormal(new Float64Array(n * n));
  const w = multiply(a, transpose(a, n, n), n, n, n);
  for (let i = 0; i < n * n; i++) w[i] /= n;
  for (let i = 0; i < n; i++) w[i * n + i] += 0.5;
  return w;
}

/** Incoherent positive base forecasts: coherent truth plus noise, series × steps. */
export function randomBase(h: Hierarchy, steps: number, seed: number, noise = 0.2): Float64Array {
  const random = new Random(seed);
  const m = h.leafKeys.length;
  const leaves = new Float64Array(m * steps);
  for (let i = 0; i < leaves.length; i++) leaves[i] = 5 + 10 * random.next();
  const n = h.keys.length;
  const base = new Float64Array(n * steps);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < steps; t++) {
      let v = 0;
      for (let e = h.rowStart[i]; e < h.rowStart[i + 1]; e++) v += leaves[h.leaves[e] * steps + t];
      base[i * steps + t] = v * (1 + noise * random.normal());
    }
  return base;
}
