// Turns /api/readings points into uPlot's columns (x in seconds), with a null point wherever readings are missing
// so an outage is drawn as a gap, and keeps live points bounded.
export const KEYS = ['p', 'e', 'ex', 'p1', 'p2', 'p3', 'pmin', 'pmax'];

export function emptyColumns() {
  const c = { x: [], daily: [], avg30: [], resolution: 'raw', stepMs: 0, gapMs: 60_000, lastT: null };
  for (const k of KEYS) c[k] = [];
  return c;
}

/** Spacing beyond which two neighbours are a gap: 2.5 steps for buckets; for raw readings the configured gap or
 *  2.5 times their median spacing, whichever is larger. */
export function gapThreshold(resolution, stepMs, points, rawGapMs) {
  if (resolution !== 'raw' && stepMs > 0) return 2.5 * stepMs;
  const d = [];
  for (let i = 1; i < points.length && d.length < 500; i++) d.push(points[i].t - points[i - 1].t);
  d.sort((a, b) => a - b);
  const median = d.length ? d[d.length >> 1] : 0;
  return Math.max(rawGapMs, 2.5 * median);
}

function pushPoint(c, pt) {
  if (c.lastT !== null && pt.t - c.lastT > c.gapMs) {
    c.x.push((c.lastT + pt.t) / 2000);
    for (const k of KEYS) c[k].push(null);
  }
  c.x.push(pt.t / 1000);
  for (const k of KEYS) c[k].push(pt[k] ?? null);
  c.lastT = pt.t;
}

export function toColumns(answer, rawGapMs) {
  const c = emptyColumns();
  c.resolution = answer.resolution;
  c.stepMs = answer.step_ms || 0;
  c.gapMs = gapThreshold(c.resolution, c.stepMs, answer.points, rawGapMs);
  for (const pt of answer.points) pushPoint(c, pt);
  return c;
}

/**
 * Appends live readings (raw points newer than lastT). Into bucketed columns they are merged into the last bucket
 * while they fall inside it (plain mean of power, min/max, last counter), so the arrays grow by one point per step.
 */
export function appendLive(c, points) {
  let added = 0;
  for (const pt of points) {
    if (c.lastT !== null && pt.t <= c.lastT) continue;
    const i = c.x.length - 1;
    const bucketed = c.resolution !== 'raw' && c.stepMs > 0;
    if (bucketed && i >= 0 && c.p[i] !== null && pt.t < c.x[i] * 1000 + c.stepMs) {
      const n = c.merged ?? 1;
      if (pt.p != null) {
        c.p[i] = (c.p[i] * n + pt.p) / (n + 1);
        c.pmin[i] = Math.min(c.pmin[i] ?? pt.p, pt.p);
        c.pmax[i] = Math.max(c.pmax[i] ?? pt.p, pt.p);
      }
      for (const k of ['e', 'ex']) if (pt[k] != null) c[k][i] = pt[k];
      c.merged = n + 1;
      c.lastT = pt.t;
    } else {
      const start = bucketed && c.stepMs <= 43_200_000 ? Math.floor(pt.t / c.stepMs) * c.stepMs : pt.t;
      const last = c.lastT;
      pushPoint(c, { ...pt, t: start, pmin: pt.p, pmax: pt.p });
      c.lastT = Math.max(pt.t, last ?? pt.t);
      c.merged = 1;
    }
    added++;
  }
  return added;
}

/** Drops points before `fromMs` (keeping one for the line into the view) and anything beyond the cap. */
export function trim(c, fromMs, cap) {
  let drop = 0;
  while (drop < c.x.length - 2 && c.x[drop + 1] * 1000 < fromMs) drop++;
  drop = Math.max(drop, c.x.length - cap);
  if (drop <= 0) return;
  for (const k of ['x', 'daily', 'avg30', ...KEYS]) c[k].splice(0, drop);
}

/** Fills the daily-usage and 30-day-average columns from /api/daily entries (sorted by start). */
export function fillDaily(c, entries) {
  c.daily = new Array(c.x.length);
  c.avg30 = new Array(c.x.length);
  let j = 0;
  for (let i = 0; i < c.x.length; i++) {
    const t = c.x[i] * 1000;
    if (c.p[i] === null && c.e[i] === null) { c.daily[i] = null; c.avg30[i] = null; continue; }
    while (j < entries.length && entries[j].end <= t) j++;
    if (j > 0 && (j >= entries.length || entries[j].start > t)) {
      // before the first entry or in a hole: search again from the start (x is not always increasing after edits)
      j = 0;
      while (j < entries.length && entries[j].end <= t) j++;
    }
    const e = j < entries.length && entries[j].start <= t ? entries[j] : null;
    c.daily[i] = e && e.import_kwh !== undefined ? e.import_kwh : null;
    c.avg30[i] = e && e.avg30_kwh !== undefined ? e.avg30_kwh : null;
  }
}

/** Count of real points (gap markers left out), min and max power, for the header and the text summary. */
export function describe(c) {
  let n = 0;
  for (let i = 0; i < c.x.length; i++) if (c.p[i] !== null || c.e[i] !== null) n++;
  return { points: n, has: (k) => c[k].some((v) => v !== null) };
}
