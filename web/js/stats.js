// The selection panel: energy, cost, power max/avg/min, readings and duration of the visible range, as /api/stats
// computed them on the server (so any range size works).
import { num, duration, dateTime } from './format.js';
import { showCost } from './price.js';

export function statsPanel(root, rangeEl) {
  const field = (name) => root.querySelector(`[data-stat="${name}"]`);
  const set = (name, value, digits) => {
    const el = field(name);
    el.textContent = digits === undefined ? value : num(value, digits);
    el.dataset.value = Number.isFinite(value) ? String(value) : '';
    el.classList.remove('skeleton');
  };
  let last = null;

  function render(answer) {
    last = answer;
    const s = answer.stats || {};
    rangeEl.textContent = `${dateTime(answer.start)} – ${dateTime(answer.end)}`;
    set('energy', s.energy_used_kwh ?? null, 2);
    const costEl = field('cost');
    showCost(costEl, s.cost);
    costEl.classList.remove('skeleton');
    root.querySelector('[data-row="export"]').hidden = !(s.energy_exported_kwh > 0);
    set('export', s.energy_exported_kwh ?? null, 2);
    set('max', s.max_power_watts ?? null, 0);
    set('avg', s.avg_power_watts ?? null, 1);
    set('min', s.min_power_watts ?? null, 0);
    set('count', s.count ?? 0, 0);
    const d = field('duration');
    d.textContent = duration(answer.end - answer.start);
    d.dataset.value = String(answer.end - answer.start);
    d.classList.remove('skeleton');
  }

  return {
    render,
    rerender() { if (last) render(last); },
  };
}
