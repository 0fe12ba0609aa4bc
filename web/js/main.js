// Wires the page together: what is shown (meter, view window, data), loading, live updates and the controls.
// Each part lives in its own module; this one only decides when to ask the API and whom to tell.
import { config } from './config.js';
import { api } from './api.js';
import { num, dateTime } from './format.js';
import { emptyColumns, toColumns, appendLive, trim, fillDaily, describe } from './data.js';
import { createChart } from './chart.js';
import { attachSelection } from './selection.js';
import { attachKeyboard } from './keyboard.js';
import { startPolling, connectionPill, flash } from './live.js';
import { statsPanel } from './stats.js';
import { summaryPanel } from './summary.js';
import { barsPanel } from './bars.js';
import { priceOverride, setPriceOverride, onPriceChange } from './price.js';

const $ = (id) => document.getElementById(id);
const DAY = 86_400_000;

const state = {
  meter: config.meter || null,
  preset: 'day',
  view: null,
  columns: emptyColumns(),
  newestT: null,
  daily: [],
  monthly: [],
  stats: null,
  fixedAxis: false,
  loadSeq: 0,
  startedAt: Date.now(),
  polls: 0,
};

const pill = connectionPill($('connection'));
const chart = createChart({ el: $('chart'), wrap: document.querySelector('.chart-wrap'), hoverEl: $('hover'), togglesEl: $('series-toggles') });
const stats = statsPanel($('stats'), $('stats-range'));
const summary = summaryPanel(document.querySelector('#summary tbody'), $('forecast'));
const bars = barsPanel($('bars'), $('bars-summary'), document.querySelector('#daily tbody'));

function presetRange(name, now = Date.now()) {
  const d = new Date(now);
  switch (name) {
    case 'hour': return { start: now - 3_600_000, end: now };
    case 'week': return { start: now - 7 * DAY, end: now };
    case 'month': d.setMonth(d.getMonth() - 1); return { start: d.getTime(), end: now };
    case 'year': d.setFullYear(d.getFullYear() - 1); return { start: d.getTime(), end: now };
    default: return { start: now - DAY, end: now };
  }
}

function localDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function following() {
  return state.view !== null && (state.newestT === null || state.view.end >= state.newestT - config.followMs);
}

function failed(e) {
  pill.offline(e?.message);
}

// ---- what is shown ------------------------------------------------------------------------------------------

function showRangeControls() {
  const { start, end } = state.view;
  $('range-label').textContent = `${dateTime(start)} – ${dateTime(end)}`;
  for (const b of document.querySelectorAll('[data-range]')) {
    b.setAttribute('aria-pressed', String(b.dataset.range === state.preset && !state.zoomed));
  }
  const span = end - start;
  const resolution = span <= 2 * DAY ? 'raw' : span <= 62 * DAY ? 'minute' : 'hour';
  const link = $('csv-link');
  link.href = api.csvUrl({ meter: state.meter, start, end, resolution });
  link.textContent = `CSV (${resolution})`;
  link.setAttribute('aria-label', `Download the visible range as CSV (${resolution === 'raw' ? 'every reading' : `${resolution} averages`})`);
}

function showHeader() {
  const d = describe(state.columns);
  const res = state.columns.resolution === 'raw' ? 'every reading' : `${state.columns.resolution} buckets`;
  $('point-count').textContent = `${num(d.points)} data points (${res})`;
  $('last-updated').textContent = state.newestT ? `Last reading: ${dateTime(state.newestT)}` : 'No readings yet';
  $('live-badge').hidden = !(following() && state.newestT !== null);
}

function describeChart() {
  const summaryEl = $('chart-summary');
  summaryEl.classList.remove('skeleton-text');
  const d = describe(state.columns);
  const s = state.stats?.stats;
  const { start, end } = state.view;
  if (!d.points) {
    summaryEl.textContent = `No readings from ${dateTime(start)} to ${dateTime(end)}.`;
    return;
  }
  const parts = [`${dateTime(start)} to ${dateTime(end)}: ${num(d.points)} points`];
  if (s && s.count) {
    parts.push(`power from ${num(s.min_power_watts)} W to ${num(s.max_power_watts)} W, average ${num(s.avg_power_watts)} W`);
  }
  if (s && s.energy_used_kwh !== undefined) parts.push(`${num(s.energy_used_kwh, 2)} kWh used`);
  summaryEl.textContent = `${parts.join('; ')}.`;
}

function draw() {
  fillDaily(state.columns, state.daily);
  chart.setData(state.columns, state.view.start, state.view.end, config.fixedPowerMaxW);
  showHeader();
}

// ---- loading ----------------------------------------------------------------------------------------------

/** Loads the window [start, end) at the resolution the API picks for it, and the server's stats for it. */
async function loadView(range, { zoomed = false } = {}) {
  const seq = ++state.loadSeq;
  state.view = { start: Math.floor(range.start), end: Math.ceil(range.end) };
  state.zoomed = zoomed;
  showRangeControls();
  $('chart-loading').classList.add('visible');
  const q = { meter: state.meter, start: state.view.start, end: state.view.end };
  const [r, s] = await Promise.allSettled([api.readings({ ...q, maxPoints: config.maxPoints }), api.stats(q)]);
  if (seq !== state.loadSeq) return;
  $('chart-loading').classList.remove('visible');
  if (r.status === 'fulfilled') {
    pill.online();
    state.meter = state.meter || r.value.meter;
    state.columns = toColumns(r.value, config.rawGapMs);
    if (state.columns.lastT !== null) state.newestT = Math.max(state.newestT ?? 0, state.columns.lastT);
    draw();
  } else {
    failed(r.reason);
  }
  if (s.status === 'fulfilled') {
    state.stats = s.value;
    stats.render(s.value);
  } else {
    failed(s.reason);
  }
  describeChart();
}

async function loadSummary() {
  try {
    const answer = await api.summary({ meter: state.meter });
    pill.online();
    summary.render(answer);
    keepTodayCurrent();
  } catch (e) {
    failed(e);
  }
}

/** Days and months for the 30-day traces, the bars (with last year) and the table. */
async function loadCalendar() {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - config.dailyDays);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const firstMonth = new Date(now.getFullYear(), now.getMonth() - (config.months - 1), 1);
  const nextMonth = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const [d, m] = await Promise.allSettled([
    api.daily({ meter: state.meter, start: localDate(from), end: localDate(tomorrow) }),
    api.monthly({ meter: state.meter, start: localDate(firstMonth), end: localDate(nextMonth) }),
  ]);
  if (d.status === 'fulfilled') state.daily = d.value.entries; else failed(d.reason);
  if (m.status === 'fulfilled') state.monthly = m.value.entries; else failed(m.reason);
  keepTodayCurrent();
  bars.setData(state.daily, state.monthly);
  if (state.view && state.columns.x.length) draw();
}

/** Today's daily entry follows the summary's "today" between full loads (the summary is fetched on new data). */
function keepTodayCurrent() {
  const today = summary.today();
  if (!today) return;
  const entry = state.daily.find((e) => e.start === today.start);
  if (entry && today.import_kwh !== undefined) {
    entry.import_kwh = today.import_kwh;
    entry.cost = today.cost;
  }
}

async function showMeters() {
  try {
    const status = await api.status();
    const meters = status.meters.map((m) => m.meter);
    const mine = status.meters.find((m) => m.meter === state.meter) ?? status.meters[0];
    if (mine?.last_reading && state.newestT === null) state.newestT = mine.last_reading;
    if (meters.length <= 1) return;
    const select = $('meter');
    select.replaceChildren(...meters.map((name) => new Option(name, name)));
    select.value = state.meter ?? meters[0];
    $('meter-picker').hidden = false;
  } catch (e) {
    failed(e);
  }
}

// ---- live updates -----------------------------------------------------------------------------------------

/** One poll: a single small request when nothing is new; with new data also the stats (when following) and the
 *  summary, so at most three. */
async function poll() {
  state.polls++;
  let answer;
  try {
    answer = await api.readings({ meter: state.meter, after: state.newestT ?? state.startedAt, maxPoints: config.maxPoints });
    pill.online();
  } catch (e) {
    failed(e);
    return;
  }
  if (!answer.points.length) {
    showHeader();
    return;
  }
  const follow = following();
  state.newestT = Math.max(state.newestT ?? 0, answer.points[answer.points.length - 1].t);
  flash($('connection'), document.querySelector('.chart-card'));
  const work = [loadSummary().then(() => {
    bars.rerender();
    if (follow) draw();
  })];
  if (follow) {
    const width = state.view.end - state.view.start;
    if (state.newestT > state.view.end) state.view = { start: state.newestT - width, end: state.newestT };
    if (answer.resolution === 'raw') {
      appendLive(state.columns, answer.points);
      trim(state.columns, state.view.start, config.maxHeldPoints);
      draw();
      showRangeControls();
      work.push(api.stats({ meter: state.meter, ...state.view }).then((s) => {
        state.stats = s;
        stats.render(s);
        describeChart();
      }, failed));
    } else {
      work.push(loadView(state.view, { zoomed: state.zoomed }));
    }
  }
  showHeader();
  await Promise.all(work);
}

// ---- controls ---------------------------------------------------------------------------------------------

function showRange(name) {
  state.preset = name;
  return loadView(presetRange(name));
}

function reset() {
  return loadView(presetRange(state.preset));
}

let refreshing = false;
async function refresh() {
  if (refreshing) return;
  refreshing = true;
  const button = $('refresh');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.querySelector('.label').textContent = 'Refreshing…';
  try {
    const range = following() && !state.zoomed ? presetRange(state.preset) : state.view;
    await Promise.all([loadView(range, { zoomed: state.zoomed }), loadSummary(), loadCalendar()]);
  } finally {
    refreshing = false;
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.querySelector('.label').textContent = 'Refresh';
  }
}

function wireControls() {
  for (const b of document.querySelectorAll('[data-range]')) b.addEventListener('click', () => showRange(b.dataset.range));
  $('refresh').addEventListener('click', refresh);
  $('reset').addEventListener('click', reset);
  $('axis-mode').addEventListener('click', () => {
    state.fixedAxis = !state.fixedAxis;
    $('axis-mode').setAttribute('aria-pressed', String(state.fixedAxis));
    $('axis-mode').textContent = `Power axis: ${state.fixedAxis ? 'Fixed' : 'Auto'}`;
    chart.setFixedAxis(state.fixedAxis);
  });
  for (const b of document.querySelectorAll('[data-unit]')) {
    b.addEventListener('click', () => {
      for (const o of document.querySelectorAll('[data-unit]')) o.setAttribute('aria-pressed', String(o === b));
      bars.setUnit(b.dataset.unit);
    });
  }
  $('meter').addEventListener('change', (e) => {
    const params = new URLSearchParams(location.search);
    params.set('meter', e.target.value);
    location.search = params.toString();
  });
  attachSelection(chart.uplot, {
    onSelect: (start, end) => { if (end - start >= 1000) loadView({ start, end }, { zoomed: true }); },
    onReset: reset,
  });
  attachKeyboard({ onRefresh: refresh, onReset: reset, onRange: showRange });

  const input = $('price-input');
  input.value = priceOverride() ?? '';
  $('price-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const v = Number.parseFloat(input.value);
    setPriceOverride(Number.isFinite(v) && v >= 0 ? v : null);
  });
  $('price-clear').addEventListener('click', () => {
    input.value = '';
    setPriceOverride(null);
  });
  onPriceChange(() => {
    showPriceNotice();
    stats.rerender();
    summary.rerender();
    bars.rerender();
  });
  showPriceNotice();
  let barsWidth = 0;
  new ResizeObserver(() => {
    const w = $('bars').clientWidth;
    if (w !== barsWidth) { barsWidth = w; requestAnimationFrame(() => bars.rerender()); }
  }).observe($('bars'));
}

function showPriceNotice() {
  const p = priceOverride();
  const notice = $('price-notice');
  notice.hidden = p === null;
  notice.textContent = p === null ? '' : `Every cost marked * is computed with your price of ${num(p, 4)} per kWh `
    + '(base fee and feed-in as in the tariff), not with the server\'s tariff.';
}

async function start() {
  wireControls();
  await Promise.allSettled([showMeters(), showRange(state.preset), loadSummary(), loadCalendar()]);
  // first complete render: chart, selection and summary show data (measured by the browser tests)
  requestAnimationFrame(() => {
    performance.mark('dashboard-ready');
    document.documentElement.dataset.ready = 'true';
  });
  startPolling(config.pollMs, poll);
}

window.energyMonitor = {
  requests: api.counts,
  polls: () => state.polls,
  view: () => ({ ...state.view }),
  heldPoints: () => state.columns.x.length,
  points: () => describe(state.columns).points,
  lastPoint: () => {
    const c = state.columns;
    for (let i = c.x.length - 1; i >= 0; i--) if (c.p[i] !== null) return { t: c.x[i] * 1000, p: c.p[i] };
    return null;
  },
};

start();
