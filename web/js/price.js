// Costs as the server's tariff computed them, or, when the user tries another price per kWh (kept in
// localStorage), recomputed with that price. All costs on the page go through costOf/showCost, so one screen never
// shows two prices; recomputed amounts carry the class "overridden" (an asterisk) and the notice says why.
import { money, DASH } from './format.js';

const KEY = 'energy-monitor.price-per-kwh';
const listeners = new Set();
let override = load();

function load() {
  try {
    const v = Number.parseFloat(localStorage.getItem(KEY));
    return Number.isFinite(v) && v >= 0 ? v : null;
  } catch {
    return null;
  }
}

export function priceOverride() {
  return override;
}

/** Sets (a finite number >= 0) or clears (null) the user's price; re-renders every listener. */
export function setPriceOverride(value) {
  override = Number.isFinite(value) && value >= 0 ? value : null;
  try {
    if (override === null) localStorage.removeItem(KEY); else localStorage.setItem(KEY, String(override));
  } catch { /* private mode: keep it for this page only */ }
  listeners.forEach((fn) => fn(override));
}

export function onPriceChange(fn) {
  listeners.add(fn);
}

/** Adds cost objects part by part (days of a week). */
export function sumCosts(costs) {
  const present = costs.filter(Boolean);
  if (!present.length) return null;
  const sum = { import_kwh: 0, export_kwh: 0, import_cost: 0, feed_in_credit: 0, base_fee: 0, total: 0, currency: present[0].currency };
  for (const c of present) {
    for (const k of ['import_kwh', 'export_kwh', 'import_cost', 'feed_in_credit', 'base_fee', 'total']) sum[k] += c[k] || 0;
  }
  return sum;
}

/**
 * The total of an API cost object: the server's, or with the user's price for the imported kWh (feed-in credit and
 * base fee stay the tariff's). Returns {value, currency, overridden} or null.
 */
export function costOf(cost) {
  if (!cost) return null;
  const currency = cost.currency || 'EUR';
  if (override === null) return { value: cost.total ?? null, currency, overridden: false };
  const value = (cost.import_kwh || 0) * override - (cost.feed_in_credit || 0) + (cost.base_fee || 0);
  return { value, currency, overridden: true };
}

/** Price of one kWh in a cost object (for differences): the user's, or the tariff's average in it. */
export function pricePerKwh(cost) {
  if (override !== null) return override;
  if (!cost || !cost.import_kwh) return null;
  return (cost.import_cost || 0) / cost.import_kwh;
}

/** Writes an amount into an element: text, data-value (unrounded), and the override mark. */
export function showAmount(el, value, currency, overridden) {
  el.textContent = Number.isFinite(value) ? money(value, currency) : DASH;
  el.dataset.value = Number.isFinite(value) ? String(value) : '';
  el.classList.toggle('overridden', Boolean(overridden) && Number.isFinite(value));
  el.title = overridden ? 'computed with your price per kWh' : '';
}

export function showCost(el, cost) {
  const c = costOf(cost);
  if (!c) showAmount(el, null, 'EUR', false); else showAmount(el, c.value, c.currency, c.overridden);
}
