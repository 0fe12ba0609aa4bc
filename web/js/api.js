// The API client: every URL the page uses is built here. Answers are the shapes documented in README "HTTP API".
const counts = { total: 0, readings: 0, stats: 0, summary: 0, daily: 0, monthly: 0, status: 0 };

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function url(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function getJson(kind, path, params) {
  counts.total++;
  counts[kind]++;
  let response;
  try {
    response = await fetch(url(path, params), { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, `network error: ${e.message}`);
  }
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

export const api = {
  /** Raw or bucketed points of [start, end), or only the readings after `after`. */
  readings: ({ meter, start, end, after, maxPoints }) =>
    getJson('readings', '/api/readings', { meter, start, end, after, maxPoints }),
  stats: ({ meter, start, end }) => getJson('stats', '/api/stats', { meter, start, end }),
  summary: ({ meter }) => getJson('summary', '/api/summary', { meter }),
  daily: ({ meter, start, end }) => getJson('daily', '/api/daily', { meter, start, end }),
  monthly: ({ meter, start, end }) => getJson('monthly', '/api/monthly', { meter, start, end }),
  status: () => getJson('status', '/status', {}),
  csvUrl: ({ meter, start, end, resolution }) =>
    url('/api/export.csv', { meter, start: Math.floor(start), end: Math.ceil(end), resolution }),
  /** Requests sent so far, by endpoint (read by the browser tests and the poll benchmark). */
  counts: () => ({ ...counts }),
};
