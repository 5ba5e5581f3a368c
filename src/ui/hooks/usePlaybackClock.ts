import { useEffect } from 'react';
import { framesPerDraw } from '../../store/drawRate';
import { heldStoreOf, useClock, useStoreApi } from '../../store/react';

/**
 * While playing, every animation frame advances every run by the real time that passed. Once per
 * page. The page hears of a frame's sets (each run's, then the clock's) once, at its end, and
 * fast-forwarding only every few frames (drawRate.ts); a frame that stops the clock is heard at once.
 */
export function usePlaybackClock(): void {
  const store = useStoreApi();
  const playing = useClock((c) => c.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frames = 0;
    const held = heldStoreOf(store);
    let frame = requestAnimationFrame(function tick(now) {
      // a long gap (tab in the background) must not fast-forward the run
      held.hold(() => store.getState().clockActions.advance(Math.min(now - last, 100)), false);
      const { clock } = store.getState();
      if (++frames >= framesPerDraw(clock.speedPosition) || !clock.playing) {
        frames = 0;
        held.flush();
      }
      last = now;
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      held.flush();
    };
  }, [playing, store]);
}
