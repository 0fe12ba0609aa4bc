// Number, money, date and duration formatting. Missing values show as an en dash.
export const DASH = '–';

// toLocaleString with options builds a new Intl formatter on every call, which is slow (a first page formats a few
// hundred values: about 80 ms of a cold page's main thread). Each formatter the page uses is built once, by name.
const formatters = new Map();
function formatter(name, make) {
  let f = formatters.get(name);
  if (!f) {
    f = make();
    formatters.set(name, f);
  }
  return f;
}

/** `ms` (or a Date) formatted with the Intl date options `options`, which `name` names. */
export function formatDate(name, options, ms) {
  return formatter(`date:${name}`, () => new Intl.DateTimeFormat(undefined, options)).format(ms);
}

export function num(v, digits = 0) {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return formatter(`num:${digits}`, () => new Intl.NumberFormat(undefined, {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  })).format(v);
}

export function money(v, currency = 'EUR') {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return formatter(`money:${currency}`, () => new Intl.NumberFormat(undefined, {
    style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2,
  })).format(v);
}

export function dateTime(ms) {
  if (!Number.isFinite(ms)) return DASH;
  return formatDate('dateTime', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }, ms);
}

export function day(label) {
  // label "2026-11-27": a calendar date, shown without any time zone shift
  const [y, m, d] = label.split('-').map(Number);
  return formatDate('day', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }, Date.UTC(y, m - 1, d));
}

export function duration(ms) {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let s = Math.round(ms / 1000);
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    const n = Math.floor(s / size);
    s -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.slice(0, 3).join(' ');
}

/** "+12 %" / "−5 %" for a change from `before` to `now`; null when it cannot be computed. */
export function change(now, before) {
  if (!Number.isFinite(now) || !Number.isFinite(before) || before <= 0) return null;
  return (now - before) / before * 100;
}

export function signedPercent(p) {
  if (p === null) return DASH;
  const sign = p > 0.05 ? '+' : p < -0.05 ? '−' : '±';
  return `${sign}${num(Math.abs(p), 0)} %`;
}
