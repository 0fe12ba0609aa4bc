// The time ranges the page asks for: the range buttons (last hour ... last year, ending now) and the calendar ranges
// of the daily and monthly values (local dates, as the API's `start`/`end` for /api/daily and /api/monthly).
import { config } from './config.js';

export const DAY = 86_400_000;

/** [start, end) in epoch ms of a range button's name, ending `now`. */
export function presetRange(name, now = Date.now()) {
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

/** The days (config.dailyDays back, up to today) and months (config.months, up to this one) the page loads. */
export function calendarRanges(now = new Date()) {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  return {
    daily: { start: localDate(new Date(y, m, d - config.dailyDays)), end: localDate(new Date(y, m, d + 1)) },
    monthly: { start: localDate(new Date(y, m - (config.months - 1), 1)), end: localDate(new Date(y, m + 1, 1)) },
  };
}
