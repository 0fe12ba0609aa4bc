// Bars of energy per day, week or month, each beside the previous period and the same period a year earlier, and
// the daily breakdown table (kWh, cost, difference to the 30-day average). Built from /api/daily and /api/monthly.
import { num, money, day, formatDate, DASH } from './format.js';
import { costOf, showCost, sumCosts, pricePerKwh } from './price.js';

const SVG = 'http://www.w3.org/2000/svg';
const COUNT = { day: 14, week: 12, month: 12 };
const DAY_MS = 86_400_000;

function utcDate(label) {
  const [y, m, d] = label.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}
function labelOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function mondayOf(label) {
  const t = utcDate(label);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return labelOf(t - dow * DAY_MS);
}

/** Periods {key, label, kwh, cost, complete} oldest first, and a lookup by key. */
function periods(unit, daily, monthly) {
  if (unit === 'month') {
    return monthly.map((m) => ({ key: m.label, label: m.label, kwh: m.import_kwh ?? null, cost: m.cost, complete: m.complete }));
  }
  if (unit === 'day') {
    return daily.map((d) => ({ key: d.label, label: d.label, kwh: d.import_kwh ?? null, cost: d.cost, complete: d.complete }));
  }
  const weeks = new Map();
  for (const d of daily) {
    const key = mondayOf(d.label);
    let w = weeks.get(key);
    if (!w) weeks.set(key, w = { key, label: key, kwh: null, costs: [], days: 0, complete: true });
    if (d.import_kwh !== undefined) w.kwh = (w.kwh ?? 0) + d.import_kwh;
    w.costs.push(d.cost);
    w.days++;
    w.complete = w.complete && d.complete;
  }
  return [...weeks.values()].map((w) => ({ ...w, cost: sumCosts(w.costs), complete: w.complete && w.days === 7 }));
}

function previousKey(unit, key) {
  if (unit === 'day') return labelOf(utcDate(key) - DAY_MS);
  if (unit === 'week') return labelOf(utcDate(key) - 7 * DAY_MS);
  const [y, m] = key.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
function yearAgoKey(unit, key) {
  if (unit === 'week') return labelOf(utcDate(key) - 364 * DAY_MS);
  return `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;
}
function shortLabel(unit, key) {
  if (unit === 'month') {
    return formatDate('bar-month', { month: 'short', year: '2-digit', timeZone: 'UTC' }, utcDate(`${key}-01`));
  }
  if (unit === 'week') return formatDate('bar-week', { month: 'numeric', day: 'numeric', timeZone: 'UTC' }, utcDate(key));
  return formatDate('bar-day', { day: 'numeric', weekday: 'narrow', timeZone: 'UTC' }, utcDate(key));
}

export function barsPanel(container, summaryEl, tableBody) {
  let unit = 'day';
  let daily = [];
  let monthly = [];

  function renderBars() {
    const all = periods(unit, daily, monthly);
    const byKey = new Map(all.map((p) => [p.key, p]));
    const shown = all.filter((p) => p.kwh !== null).slice(-COUNT[unit]);
    const groups = shown.map((p) => ({
      p,
      prev: byKey.get(previousKey(unit, p.key)) ?? null,
      year: byKey.get(yearAgoKey(unit, p.key)) ?? null,
    }));
    const width = Math.max(280, container.clientWidth);
    const height = 240;
    const top = 10;
    const bottom = 22;
    const left = 36;
    const max = Math.max(0.001, ...groups.flatMap((g) => [g.p.kwh, g.prev?.kwh ?? 0, g.year?.kwh ?? 0]));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('aria-hidden', 'true');
    const y = (v) => top + (height - top - bottom) * (1 - v / max);
    for (const f of [0, 0.5, 1]) {
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', '2');
      t.setAttribute('y', String(y(max * f) + 3));
      t.textContent = num(max * f, max >= 10 ? 0 : 1);
      svg.append(t);
    }
    const slot = (width - left) / Math.max(1, groups.length);
    const bar = Math.max(2, slot * 0.26);
    groups.forEach((g, i) => {
      const x0 = left + i * slot + slot * 0.1;
      [['year', g.year], ['previous', g.prev], ['current', g.p]].forEach(([cls, p], k) => {
        if (!p || p.kwh === null) return;
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('class', `bar-${cls}${cls === 'current' && !p.complete ? ' partial' : ''}`);
        r.setAttribute('x', String(x0 + k * bar));
        r.setAttribute('y', String(y(p.kwh)));
        r.setAttribute('width', String(bar - 1));
        r.setAttribute('height', String(Math.max(0, y(0) - y(p.kwh))));
        const title = document.createElementNS(SVG, 'title');
        const c = costOf(p.cost);
        title.textContent = `${p.label}: ${num(p.kwh, 2)} kWh${c ? `, ${money(c.value, c.currency)}${c.overridden ? '*' : ''}` : ''}`;
        r.append(title);
        svg.append(r);
      });
      const t = document.createElementNS(SVG, 'text');
      t.setAttribute('x', String(x0));
      t.setAttribute('y', String(height - 6));
      t.textContent = shortLabel(unit, g.p.key);
      svg.append(t);
    });
    container.replaceChildren(svg);
    summaryEl.textContent = groups.map((g) => `${g.p.label}: ${num(g.p.kwh, 2)} kWh`
      + `${g.prev?.kwh != null ? `, previous ${num(g.prev.kwh, 2)}` : ''}`
      + `${g.year?.kwh != null ? `, a year earlier ${num(g.year.kwh, 2)}` : ''}`).join('; ');
  }

  function renderTable() {
    tableBody.textContent = '';
    const rows = daily.filter((d) => d.import_kwh !== undefined).slice(-30).reverse();
    for (const d of rows) {
      const tr = tableBody.insertRow();
      tr.dataset.day = d.label;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = day(d.label) + (d.complete ? '' : ' (so far)');
      tr.append(th);
      const kwh = tr.insertCell();
      kwh.textContent = num(d.import_kwh, 2);
      kwh.dataset.value = d.import_kwh;
      showCost(tr.insertCell(), d.cost);
      const diff = tr.insertCell();
      if (d.avg30_kwh === undefined) {
        diff.textContent = DASH;
      } else {
        const delta = d.import_kwh - d.avg30_kwh;
        const price = pricePerKwh(d.cost);
        const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
        const euros = price === null ? '' : ` (${sign}${money(Math.abs(delta * price), d.cost?.currency)})`;
        diff.textContent = `${sign}${num(Math.abs(delta), 2)} kWh${euros}`;
        diff.className = delta > 0 ? 'up' : 'down';
        diff.title = `30-day average ${num(d.avg30_kwh, 2)} kWh`;
      }
    }
  }

  return {
    setData(dailyEntries, monthlyEntries) {
      daily = dailyEntries;
      monthly = monthlyEntries;
      renderBars();
      renderTable();
    },
    setUnit(u) {
      unit = u;
      renderBars();
    },
    rerender() {
      renderBars();
      renderTable();
    },
  };
}
