// The page's first requests, sent as soon as this module and the three small ones it imports have loaded:
// index.html loads it async ahead of everything else, so the server answers them while the browser is still
// fetching and compiling the rest of the page. main.js then makes the same calls and takes these answers.
import { config } from './config.js';
import { api } from './api.js';
import { presetRange, calendarRanges } from './ranges.js';

/** The range button shown first, and its window. */
export const firstPreset = 'day';
export const firstView = presetRange(firstPreset);

performance.mark('first-requests');
const meter = config.meter || null;
const calendar = calendarRanges();
api.ahead(() => {
  api.status();
  api.readings({ meter, ...firstView, maxPoints: config.maxPoints });
  api.stats({ meter, ...firstView });
  api.summary({ meter });
  api.daily({ meter, ...calendar.daily });
  api.monthly({ meter, ...calendar.monthly });
});
