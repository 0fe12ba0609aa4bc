// Live polling (one poll at a time, the next one interval after the previous finished), the connection pill
// (Connecting / Connected / Offline, recovering by itself with the next successful poll), and the flash.
export function startPolling(intervalMs, tick) {
  let timer = null;
  let stopped = false;
  const run = async () => {
    try {
      await tick();
    } catch {
      // the tick reports its own errors; polling goes on
    } finally {
      if (!stopped) timer = setTimeout(run, intervalMs);
    }
  };
  timer = setTimeout(run, intervalMs);
  return { stop() { stopped = true; clearTimeout(timer); } };
}

export function connectionPill(el) {
  return {
    online() {
      el.dataset.state = 'connected';
      el.textContent = 'Connected';
    },
    offline(reason) {
      el.dataset.state = 'offline';
      el.textContent = 'Offline';
      el.title = reason || '';
    },
  };
}

export function flash(...els) {
  for (const el of els) {
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1000);
  }
}
