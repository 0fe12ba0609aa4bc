// Settings of the page. A few can be changed through the page's URL (for tests and benchmarks):
//   ?poll=1000   poll interval in ms (default 10 s)
//   ?gap=60000   raw readings farther apart than this (or 2.5 x their usual spacing) are drawn as a gap
//   ?meter=NAME  the meter to show
const params = new URLSearchParams(location.search);

function number(name, fallback, min) {
  const v = Number(params.get(name));
  return params.has(name) && Number.isFinite(v) && v >= min ? v : fallback;
}

export const config = Object.freeze({
  pollMs: number('poll', 10_000, 100),
  rawGapMs: number('gap', 60_000, 1_000),
  /** Points asked for per chart load: a year is about 1,500-2,000 buckets, an hour every reading. */
  maxPoints: 2_000,
  /** The view follows live data when its end is within this of the newest point. */
  followMs: 120_000,
  /** Hard cap on points held by the chart, whatever happens (live points are merged or dropped beyond it). */
  maxHeldPoints: 6_000,
  /** The fixed power axis, in W (its minimum is the negative of this when the data has export). */
  fixedPowerMaxW: 3_000,
  meter: params.get('meter') || '',
  /** Days of daily values loaded once: 30-day traces, day and week bars with last year, the table. */
  dailyDays: 460,
  months: 25,
});
