// Number, money, date and duration formatting. Missing values show as an en dash.
export const DASH = '–';

export function num(v, digits = 0) {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return v.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const moneyFormats = new Map();
export function money(v, currency = 'EUR') {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(currency, f);
  }
  return f.format(v);
}

export function dateTime(ms) {
  if (!Number.isFinite(ms)) return DASH;
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

export function day(label) {
  // label "2026-11-27": a calendar date, shown without any time zone shift
  const [y, m, d] = label.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC',
  });
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
