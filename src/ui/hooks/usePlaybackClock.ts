import { useEffect } from 'react';
import { useClock, useStoreApi } from '../../store/react';

/** While playing, every animation frame advances every run by the real time that passed. Once per page. */
export function usePlaybackClock(): void {
  const store = useStoreApi();
  const playing = useClock((c) => c.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      // a long gap (tab in the background) must not fast-forward the run
      store.getState().clockActions.advance(Math.min(now - last, 100));
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
