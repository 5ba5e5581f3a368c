import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { builtinScenario } from '../scenarios/builtin';
import { RunRecorder } from './recorder';

// A fast-forwarding page stretches the keyframes' spacing (RunRecorder.keyframeStretch): fewer
// clones of the state, and a seek anywhere still gives exactly the state the run had there.

function advanced(stretch: number, to: number) {
  const sim = Simulation.create(builtinScenario('default')!, { conf: { 'execution.checkpointing.interval': '2 s' } });
  const rec = new RunRecorder(sim.state, { keyframeEveryMs: 1000 });
  rec.keyframeStretch = stretch;
  let live = sim;
  for (let t = 0; t < to; t += 700) live = rec.advance(live, Math.min(to, t + 700));
  return { rec, live };
}

describe('stretched keyframes', () => {
  it('fall that many times further apart, and seeking gives the same states as with keyframes every second', () => {
    const plain = advanced(1, 40_000);
    const stretched = advanced(5, 40_000);
    expect(stretched.live.state.traceHash).toBe(plain.live.state.traceHash);
    expect(plain.rec.keyframes.length).toBeGreaterThanOrEqual(40);
    expect(stretched.rec.keyframes.length).toBeLessThanOrEqual(9);
    const gaps = stretched.rec.keyframes.slice(1).map((k, i) => k.time - stretched.rec.keyframes[i].time);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5000);
    for (const t of [0, 3_100, 12_345, 26_000, 39_999]) {
      expect(stretched.rec.seek(t).state.traceHash).toBe(plain.rec.seek(t).state.traceHash);
    }
  });
});
