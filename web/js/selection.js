// Drag to select a time range on the chart with mouse, pen or finger (pointer events, one pointer at a time), tap
// twice or double-click to reset. The page does not scroll while a finger drags on the chart.
const MIN_DRAG_PX = 10;
const DOUBLE_TAP_MS = 350;

export function attachSelection(u, { onSelect, onReset }) {
  const over = u.over;
  let pointerId = null;
  let startX = 0;
  let lastTap = 0;

  const xOf = (e) => {
    const r = over.getBoundingClientRect();
    return Math.min(Math.max(e.clientX - r.left, 0), r.width);
  };
  const clear = () => u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);

  over.addEventListener('pointerdown', (e) => {
    if (pointerId !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    pointerId = e.pointerId;
    startX = xOf(e);
    over.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  over.addEventListener('pointermove', (e) => {
    if (e.pointerId !== pointerId) return;
    const x = xOf(e);
    u.setSelect({ left: Math.min(x, startX), width: Math.abs(x - startX), top: 0, height: over.clientHeight }, false);
  });
  over.addEventListener('pointerup', (e) => {
    if (e.pointerId !== pointerId) return;
    pointerId = null;
    const x = xOf(e);
    clear();
    if (Math.abs(x - startX) >= MIN_DRAG_PX) {
      const a = u.posToVal(Math.min(x, startX), 'x') * 1000;
      const b = u.posToVal(Math.max(x, startX), 'x') * 1000;
      onSelect(Math.round(a), Math.round(b));
      return;
    }
    if (e.pointerType !== 'mouse') {
      const now = e.timeStamp;
      if (now - lastTap < DOUBLE_TAP_MS) {
        lastTap = 0;
        onReset();
      } else {
        lastTap = now;
      }
    }
  });
  const abort = (e) => {
    if (e.pointerId !== pointerId) return;
    pointerId = null;
    clear();
  };
  over.addEventListener('pointercancel', abort);
  over.addEventListener('lostpointercapture', abort);
  over.addEventListener('dblclick', () => onReset());
  // iOS Safari scrolls on touchstart before pointer events can stop it; touch-action: none covers the rest.
  over.addEventListener('touchstart', (e) => e.preventDefault(), { passive: false });
}
