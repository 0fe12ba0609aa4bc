// The uPlot chart: power (W), the import counter (kWh), daily usage and its 30-day average (kWh per day), and
// when the meter reports them the export counter and the phase powers. One table of series, so toggles,
// visibility and data columns always use the same index. Colours come from CSS custom properties.
import { num, dateTime } from './format.js';

const SERIES = [
  { key: 'p', label: 'Power', unit: 'W', scale: 'W', color: '--power', fill: '--power-fill', digits: 0 },
  { key: 'e', label: 'Meter reading', unit: 'kWh', scale: 'kWh', color: '--meter', digits: 2 },
  { key: 'daily', label: 'Daily usage', unit: 'kWh', scale: 'day', color: '--daily', digits: 2, stepped: true },
  { key: 'avg30', label: '30-day average', unit: 'kWh', scale: 'day', color: '--avg30', digits: 2, dash: [6, 4], stepped: true },
  { key: 'ex', label: 'Export counter', unit: 'kWh', scale: 'ex', color: '--export', digits: 2, optional: true },
  { key: 'p1', label: 'L1', unit: 'W', scale: 'W', color: '--phase1', digits: 0, optional: true, off: true },
  { key: 'p2', label: 'L2', unit: 'W', scale: 'W', color: '--phase2', digits: 0, optional: true, off: true },
  { key: 'p3', label: 'L3', unit: 'W', scale: 'W', color: '--phase3', digits: 0, optional: true, off: true },
];

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function createChart({ el, wrap, hoverEl, togglesEl }) {
  const uPlot = window.uPlot;
  const visible = Object.fromEntries(SERIES.map((s) => [s.key, !s.off]));
  let fixedAxis = false;
  let hasNegative = false;
  let columns = null;

  const grid = { stroke: css('--grid'), width: 1 };
  const axisColor = css('--muted');
  // on a phone the two kWh axes would leave the plot a third of the width: their values are in the hover box
  const compact = wrap.clientWidth < 600;
  const opts = {
    width: Math.max(200, wrap.clientWidth),
    height: chartHeight(),
    legend: { show: false },
    cursor: {
      drag: { x: false, y: false, setScale: false },
      bind: { dblclick: () => () => null },
      points: { size: 6 },
    },
    select: { show: true },
    scales: {
      x: { time: true },
      W: { range: (u, min, max) => powerRange(min, max) },
      kWh: { range: (u, min, max) => padded(min, max) },
      day: { range: (u, min, max) => [0, Math.max(1, (max ?? 1) * 1.15)] },
      ex: { range: (u, min, max) => padded(min, max) },
    },
    axes: [
      { stroke: axisColor, grid, ticks: grid },
      { scale: 'W', label: 'W', stroke: css('--power'), grid, ticks: grid, size: compact ? 48 : 56 },
      { scale: 'kWh', label: 'kWh (meter)', side: 1, stroke: css('--meter'), grid: { show: false }, size: 64, show: !compact },
      { scale: 'day', label: 'kWh / day', side: 1, stroke: css('--daily'), grid: { show: false }, size: 48, show: !compact },
    ],
    series: [{}, ...SERIES.map((s) => ({
      label: s.label,
      scale: s.scale,
      stroke: css(s.color),
      fill: s.fill ? css(s.fill) : undefined,
      width: s.key === 'p' ? 1.5 : 2,
      dash: s.dash,
      spanGaps: false,
      show: visible[s.key],
      points: { show: false },
      paths: s.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined,
    }))],
    hooks: { setCursor: [showHover] },
  };
  const u = new uPlot(opts, [[], ...SERIES.map(() => [])], el);

  function chartHeight() {
    return window.innerWidth <= 700 ? 300 : 380;
  }

  function padded(min, max) {
    if (min === null || max === null) return [0, 1];
    const pad = Math.max((max - min) * 0.05, 0.01);
    return [min - pad, max + pad];
  }

  function powerRange(min, max) {
    if (fixedAxis) return [hasNegative ? -fixedMax : 0, fixedMax];
    if (min === null || max === null) return [0, 100];
    const lo = Math.min(0, min);
    return [lo < 0 ? lo * 1.1 : 0, Math.max(max * 1.1, 10)];
  }
  let fixedMax = 3000;

  function showHover(self) {
    const i = self.cursor.idx;
    if (i === null || i === undefined || !columns || self.data[0][i] === undefined) {
      hoverEl.classList.remove('visible');
      return;
    }
    const lines = [dateTime(self.data[0][i] * 1000)];
    SERIES.forEach((s, k) => {
      if (!self.series[k + 1].show) return;
      const v = self.data[k + 1][i];
      lines.push(`${s.label}: ${num(v, s.digits)} ${s.unit}`);
    });
    if (columns.resolution !== 'raw' && columns.pmin[i] !== null && self.series[1].show) {
      lines.push(`Power min / max: ${num(columns.pmin[i], 0)} / ${num(columns.pmax[i], 0)} W`);
    }
    hoverEl.textContent = '';
    for (const line of lines) {
      const div = document.createElement('div');
      div.textContent = line;
      hoverEl.append(div);
    }
    hoverEl.classList.add('visible');
  }

  function renderToggles(present) {
    togglesEl.textContent = '';
    SERIES.forEach((s, k) => {
      if (s.optional && !present(s.key)) return;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = s.label;
      b.dataset.series = s.key;
      b.style.setProperty('--swatch', css(s.color));
      b.setAttribute('aria-pressed', String(visible[s.key]));
      b.addEventListener('click', () => {
        visible[s.key] = !visible[s.key];
        b.setAttribute('aria-pressed', String(visible[s.key]));
        u.setSeries(k + 1, { show: visible[s.key] });
      });
      togglesEl.append(b);
    });
  }

  let togglesKey = '';
  let resizing = false;
  new ResizeObserver(() => {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(() => {
      resizing = false;
      u.setSize({ width: Math.max(200, wrap.clientWidth), height: chartHeight() });
    });
  }).observe(wrap);

  return {
    uplot: u,
    /** Shows columns (from data.js) in the window [startMs, endMs]. */
    setData(c, startMs, endMs, fixedPowerMaxW) {
      columns = c;
      fixedMax = fixedPowerMaxW;
      hasNegative = c.p.some((v) => v !== null && v < 0);
      // the export counter only when it moves; phases whenever the meter reports them
      const present = (key) => (key === 'ex' ? c.ex.some((v) => v !== null && v !== c.ex.find((w) => w !== null))
        : c[key].some((v) => v !== null));
      const key = SERIES.filter((s) => s.optional && present(s.key)).map((s) => s.key).join();
      if (key !== togglesKey || !togglesEl.childElementCount) {
        togglesKey = key;
        renderToggles(present);
      }
      SERIES.forEach((s, k) => {
        const show = visible[s.key] && (!s.optional || present(s.key));
        if (u.series[k + 1].show !== show) u.setSeries(k + 1, { show });
      });
      u.batch(() => {
        u.setData([c.x, ...SERIES.map((s) => c[s.key])]);
        u.setScale('x', { min: startMs / 1000, max: endMs / 1000 });
      });
    },
    setWindow(startMs, endMs) {
      u.setScale('x', { min: startMs / 1000, max: endMs / 1000 });
    },
    /** Auto or fixed power axis; the chart is kept, only its power scale is recomputed. */
    setFixedAxis(fixed) {
      fixedAxis = fixed;
      const { min, max } = u.scales.x;
      u.batch(() => {
        u.setData(u.data);
        u.setScale('x', { min, max });
      });
    },
  };
}
