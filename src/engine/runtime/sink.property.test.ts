import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { computeOracle } from '../oracle/oracle';

// Flink's rule for the Kafka sink: transaction.timeout.ms above the longest checkpoint plus the
// longest restart. Then whatever fails when (tasks, TaskManagers, right as a checkpoint completes
// and before the sinks commit), no transaction outlives the broker's timeout and the two-phase-commit
// sink stays exactly-once.

const INTERVAL_MS = 2_000;
/** an open transaction lives one interval, then waits for its checkpoint to complete (about 1.5 s here) */
const CHECKPOINT_SLACK_MS = 2 * INTERVAL_MS + 2_000;

const fault = fc.oneof(
  fc.record({ kind: fc.constant('task' as const), subtask: fc.nat(1), op: fc.constantFrom('source', 'map', 'count', 'sink') }),
  fc.record({ kind: fc.constant('taskmanager' as const), index: fc.nat(1) }),
);
const when = fc.oneof(fc.record({ completed: fc.integer({ min: 1, max: 3 }) }), fc.record({ afterMs: fc.integer({ min: 0, max: 3_000 }) }));

const schedule = fc.record({
  delayMs: fc.integer({ min: 0, max: 8_000 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  faults: fc.array(fc.record({ fault, when }), { minLength: 1, maxLength: 3 }),
});

describe('two-phase-commit sink with transaction.timeout.ms above the longest downtime', () => {
  it('is exactly-once under any schedule of failures, and the broker aborts nothing', () => {
    fc.assert(fc.property(schedule, ({ delayMs, seed, faults }) => {
      // failures one after the other, each while the job runs: a failure's downtime is the restart delay
      const specs: string[] = [];
      let at = 3_000;
      for (const f of faults) {
        const target = f.fault.kind === 'task' ? `task:${f.fault.op}/${f.fault.subtask}` : `taskmanager:${f.fault.index}`;
        if ('completed' in f.when) {
          // right as checkpoint n completes, before the sinks commit: only first, when its time is known to be early
          if (!specs.length) specs.push(`${target}@completed:${f.when.completed}`);
          at = 10_000;
          break;
        }
        at += f.when.afterMs;
        specs.push(`${target}@${at} ms`);
        at += delayMs + 2_000;
      }
      const sim = Simulation.create(builtinScenario('default')!, {
        seed,
        conf: {
          'execution.checkpointing.interval': `${INTERVAL_MS} ms`, 'sim.sink.kind': 'two-phase-commit',
          'sim.sink.transaction-timeout': `${delayMs + CHECKPOINT_SLACK_MS} ms`,
          'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '10', 'restart-strategy.fixed-delay.delay': `${delayMs} ms`,
        },
        faults: specs,
      });
      let aborts = 0;
      sim.subscribe((ev) => { if (ev.type === 'transaction-aborted-by-broker') aborts++; });
      sim.runUntil(at + delayMs + 8_000);
      expect(sim.state.job.restarts).toBeGreaterThan(0);
      expect(aborts).toBe(0);
      const oracle = computeOracle(sim.state);
      expect(oracle.verdict).toBe('exactly-once');
      expect(oracle.brokerAborted).toBeUndefined();
    }), { numRuns: 15, seed: 14 });
  });

  it('the same kind of schedule with the timeout below the restart delay does lose records (the property above can fail)', () => {
    const sim = Simulation.create(builtinScenario('default')!, {
      seed: 7,
      conf: {
        'execution.checkpointing.interval': `${INTERVAL_MS} ms`, 'sim.sink.kind': 'two-phase-commit', 'sim.sink.transaction-timeout': '3 s',
        'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '8 s',
      },
      faults: ['task:sink/0@completed:2'],
    });
    sim.runUntil(20_000);
    const oracle = computeOracle(sim.state);
    expect(oracle.verdict).toBe('loss');
    expect(oracle.brokerAborted!.length).toBeGreaterThan(0);
  });
});
