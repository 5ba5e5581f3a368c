import { oracleSteps, type OracleResult, type SimState } from '../engine';
import type { SlicedWork } from './slicedWork';

// The exactly-once oracle drains a copy of the run and replays it without faults: on a long run
// that is many events, so the page checks it a piece at a time, with progress and Cancel.

export function oracleWork(state: SimState, report: (result: OracleResult) => void): SlicedWork {
  // the run may go on playing meanwhile: the oracle judges the moment it was asked at
  const steps = oracleSteps(structuredClone(state), { ownState: true });
  // the reference replays the whole run: about as many events as the run took, plus the drains
  const expected = Math.max(1, state.stats.events * 1.2);
  let events = 0;
  return {
    label: 'Checking exactly-once',
    step() {
      const next = steps.next();
      if (!next.done) {
        events = next.value;
        return false;
      }
      report(next.value);
      return true;
    },
    progress: () => ({ done: Math.min(events, expected * 0.99), total: expected }),
    end() {},
  };
}
