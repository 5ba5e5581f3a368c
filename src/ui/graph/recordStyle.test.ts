import { describe, expect, it } from 'vitest';
import { builtinScenario, Simulation, sourceRecordId } from '../../engine';
import { killedRun } from '../../engine/view/pictureRuns.testkit';
import { recordPicture, recordStyle } from './recordStyle';

describe('record marks on the graph', () => {
  it('after a restore, a record on its way to a plain sink that wrote it already is marked a duplicate, as it travels', () => {
    const { sim, sinks } = killedRun('plain', 9500);
    let marked = 0;
    let unmarked = 0;
    while (sim.now < 20_000 && sim.step()) {
      const picture = recordPicture(sim.state);
      for (const pc of sim.state.plan.channels) {
        if (!sinks.includes(pc.to)) continue;
        const ch = sim.state.channels[pc.id];
        const written = new Set(sim.state.subtasks[pc.to].sink!.received.map(sourceRecordId));
        for (let i = ch.head; i < ch.items.length; i++) {
          const it = ch.items[i];
          if (it.kind !== 'record') continue;
          const style = recordStyle(picture, pc.id, it.seq);
          expect(style.duplicate).toBe(written.has(sourceRecordId(it.rec)));
          if (style.duplicate) marked++;
          else unmarked++;
        }
      }
    }
    expect(marked).toBeGreaterThan(0);
    expect(unmarked).toBeGreaterThan(0);
  });

  it('at-least-once, records behind a barrier the task tracks are tinted until it snapshots; exactly-once never', () => {
    for (const mode of ['AT_LEAST_ONCE', 'EXACTLY_ONCE']) {
      const sim = Simulation.create(builtinScenario('two-inputs')!, { seed: 1, conf: { 'execution.checkpointing.mode': mode } });
      let tinted = 0;
      while (sim.now < 15_000 && sim.step()) {
        const picture = recordPicture(sim.state);
        for (const ch of sim.state.plan.channels) {
          const items = sim.state.channels[ch.id].items;
          for (let i = sim.state.channels[ch.id].head; i < items.length; i++) {
            const style = recordStyle(picture, ch.id, items[i].seq);
            if (style.afterBarrier !== null) {
              tinted++;
              expect(sim.state.coordinator.history.some((h) => h.id === style.afterBarrier)).toBe(true);
            }
          }
        }
      }
      if (mode === 'EXACTLY_ONCE') expect(tinted).toBe(0);
      else expect(tinted).toBeGreaterThan(0);
    }
  });

  it('a plain record has no marks', () => {
    const sim = Simulation.create(builtinScenario('default')!);
    sim.runUntil(3000);
    expect(recordStyle(recordPicture(sim.state), 0, 0)).toEqual({ afterBarrier: null, duplicate: false });
  });
});
