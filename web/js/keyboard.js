// Keyboard shortcuts: R refresh, Esc reset, 1-5 last hour/day/week/month/year. Ignored while typing in a form
// field and with Ctrl, Cmd or Alt held (so browser shortcuts keep working).
const RANGES = { 1: 'hour', 2: 'day', 3: 'week', 4: 'month', 5: 'year' };

export function attachKeyboard({ onRefresh, onReset, onRange }) {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'r') onRefresh();
    else if (key === 'Escape') onReset();
    else if (RANGES[key]) onRange(RANGES[key]);
    else return;
    e.preventDefault();
  });
}
