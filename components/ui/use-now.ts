'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs`. Starts at `initial` (the server's generatedAt) so
 * the first client render matches the server's HTML.
 */
export function useNow(initial: number, intervalMs = 1000): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const id = window.setInterval(tick, intervalMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [intervalMs]);
  return now;
}
