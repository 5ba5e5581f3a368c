import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `sim --conf` with a two-phase-commit sink whose transaction timeout the broker refuses, and a run
// whose outage outlasts the timeout: the process, its exit code and what it prints.

interface Result { code: number | null; out: string; err: string }

function sim(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
    });
  });
}

describe('sim and the broker transaction timeout', { timeout: 120_000 }, () => {
  it("refuses a transaction.timeout.ms above the broker's maximum at start: exit 2, the broker's reason naming both keys", async () => {
    const r = await sim(['--until', '5 s', '--conf', 'sim.sink.kind=two-phase-commit', '--conf', 'sim.sink.transaction-timeout=1 h']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sim: sim\.sink\.transaction-timeout \(transaction\.timeout\.ms\) 1 h is larger than sim\.broker\.transaction-max-timeout \(transaction\.max\.timeout\.ms\) 15 min/);
    expect(lines[0]).toContain('InvalidTxnTimeoutException: The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms).');
  });

  it('names the transactions the broker aborted when an outage outlasts the timeout', async () => {
    const r = await sim([
      '--until', '25 s', '--conf', 'sim.sink.kind=two-phase-commit', '--conf', 'execution.checkpointing.interval=2 s', '--conf', 'sim.sink.transaction-timeout=5 s',
      '--conf', 'restart-strategy.type=fixed-delay', '--conf', 'restart-strategy.fixed-delay.delay=10 s', '--fault', 'task:count/0@completed:3',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^oracle: loss \(0 duplicates, \d+ missing/m);
    expect(r.out).toMatch(/^ {2}lost: \d+ of \d+ records of transaction sink-0@job0-3 \(sink sink, checkpoint 3\): the broker aborted it at [\d.]+ s \(transaction\.timeout\.ms\)$/m);
  });
});
