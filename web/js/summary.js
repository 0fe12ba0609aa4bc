// The period summary: today, yesterday, this week, this month, this year and the total, each with its cost and the
// comparisons /api/summary returns (previous period for the same elapsed time, and the same period a year ago).
import { num, money, change, signedPercent, DASH } from './format.js';
import { costOf, showCost, priceOverride } from './price.js';

const ROWS = [
  ['today', 'Today'], ['yesterday', 'Yesterday'], ['this_week', 'This week'],
  ['this_month', 'This month'], ['this_year', 'This year'], ['total', 'Total'],
];

export function summaryPanel(tbody, forecastEl) {
  let last = null;

  function skeleton() {
    tbody.textContent = '';
    for (const [, label] of ROWS) {
      const tr = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      for (let i = 0; i < 4; i++) {
        const td = tr.insertCell();
        td.innerHTML = '<span class="skeleton">0.00</span>';
      }
    }
  }

  function comparison(td, current, other, what) {
    const p = change(current.import_kwh, other?.import_kwh);
    td.textContent = signedPercent(p);
    if (p !== null) td.className = p > 0.05 ? 'up' : p < -0.05 ? 'down' : '';
    if (other && other.import_kwh !== undefined) {
      const c = costOf(other.cost);
      td.title = `${what}: ${num(other.import_kwh, 2)} kWh${c ? `, ${money(c.value, c.currency)}` : ''}`;
    }
  }

  function render(answer) {
    last = answer;
    tbody.textContent = '';
    const byName = Object.fromEntries(answer.periods.map((p) => [p.name, p]));
    for (const [name, label] of ROWS) {
      const period = byName[name];
      if (!period) continue;
      const tr = tbody.insertRow();
      tr.dataset.period = name;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      const kwh = tr.insertCell();
      kwh.textContent = num(period.current.import_kwh, 2);
      kwh.dataset.value = period.current.import_kwh ?? '';
      kwh.dataset.field = 'kwh';
      const cost = tr.insertCell();
      cost.dataset.field = 'cost';
      showCost(cost, period.current.cost);
      const prev = tr.insertCell();
      const year = tr.insertCell();
      if (period.previous) comparison(prev, period.current, period.previous, 'previous'); else prev.textContent = DASH;
      if (period.year_ago) comparison(year, period.current, period.year_ago, 'a year ago'); else year.textContent = DASH;
    }
    const f = answer.forecast;
    if (f && Number.isFinite(f.expected_kwh)) {
      const cost = priceOverride() === null ? `, ${money(f.expected_cost, f.currency)}` : ' (cost not forecast with your price)';
      forecastEl.textContent = `Billing year forecast: ${num(f.expected_kwh, 0)} kWh${cost}.`;
    } else {
      forecastEl.textContent = '';
    }
  }

  skeleton();
  return {
    render,
    rerender() { if (last) render(last); },
    /** The "today" period of the latest answer (to keep today's daily value current between full loads). */
    today: () => last?.periods.find((p) => p.name === 'today')?.current ?? null,
  };
}
