import { createAppStore } from '../src/store/appStore';

// Two runs compared under one clock each keep their own time-travel keyframes. The heap the page's
// store holds after 10 simulated minutes of two `wide` runs (aligned beside unaligned checkpoints,
// opened as a `b.` link opens them, played by the clock) must stay within twice the 48 MB a single
// run may hold (bench/run.ts, heapMBMax).

export const COMPARE_SIM_MS = 600_000;
export const COMPARE_HEAP_MB_MAX = 2 * 48;

export interface CompareMemory { heapMb: number; beforeMb: number; afterMb: number; keyframes: number[]; keyframeMb: number; simMs: number }

/** Heap held by a store comparing two `wide` runs, played together to `simMs`, against the heap before. */
export function measureCompareMemory(simMs = COMPARE_SIM_MS): CompareMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const store = createAppStore({ scenarioId: 'wide', b: { seed: undefined, conf: { 'execution.checkpointing.unaligned.enabled': 'true' }, unset: [] } }, { scheduler: 'sync' });
  const { clockActions } = store.getState();
  clockActions.setSpeed(100);
  clockActions.play();
  // as the page's clock moves them: a frame at a time, both runs to the same moment
  for (let frames = 0; store.getState().clock.displayTime < simMs && store.getState().clock.playing && frames < 100_000; frames++) clockActions.advance(250);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const s = store.getState();
  const runs = [s.runs.a, s.runs.b!];
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    heapMb: mb(after - before), beforeMb: mb(before), afterMb: mb(after), simMs: s.clock.displayTime,
    keyframes: runs.map((r) => r.recorder.keyframes.length),
    keyframeMb: mb(runs.reduce((n, r) => n + r.recorder.keyframeBytes(), 0)),
  };
}

/** The line `npm run bench` prints. */
export function compareMemoryLine(m: CompareMemory): string {
  const ok = m.heapMb <= COMPARE_HEAP_MB_MAX;
  return `Two wide runs compared, ${(m.simMs / 60_000).toFixed(0)} simulated minutes: compareHeapMB ${m.heapMb.toFixed(1)} (${m.keyframes.join(' + ')} keyframes, estimated ${m.keyframeMb.toFixed(1)} MB); target <= ${COMPARE_HEAP_MB_MAX} MB: ${ok ? 'PASS' : 'FAIL'}\n`;
}

export function compareMemoryReport(): string {
  return compareMemoryLine(measureCompareMemory());
}
