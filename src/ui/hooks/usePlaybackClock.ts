import { useEffect } from 'react';
import { useSim, useSimStoreApi } from '../../store/react';

/** While playing, every animation frame advances the simulation by the real time that passed. */
export function usePlaybackClock(): void {
  const store = useSimStoreApi();
  const playing = useSim((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      // a long gap (tab in the background) must not fast-forward the run
      store.getState().advance(Math.min(now - last, 100));
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
