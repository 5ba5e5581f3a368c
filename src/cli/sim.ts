import { closeSync, constants, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  buildReport, builtinScenario, BUILTIN_SCENARIOS, computeOracle, ConfigError, DEFAULT_SCENARIO_ID, echo, FaultSpecError, formatDuration, parseScenarioText, pendingFaults,
  quote, SCENARIO_LIMITS, ScenarioError, Simulation,
  decodeSnapshotFile, encodeSnapshotFile, latestSnapshot, RestoreError, snapshotByOperator, SNAPSHOT_FILE_LIMITS, SnapshotFileError, startFromSnapshot, startMapping,
  type ClaimMode, type SimReport, type StateMapping,
} from '../engine';
import { flinkProject } from '../export';
import { parseArgs, USAGE, UsageError } from './args';
import { writeProject } from './exportWriter';
import { runWithinWallLimit, wallLimitFrom, WallLimitError } from './wallGuard';

// `npm run --silent sim -- ...`: runs a scenario headless on the engine alone and prints a summary
// or the JSON document of CONTRACTS §2. A bad argument, an input past the limits or a run past the
// wall-clock guard prints one line on stderr and exits 2.

const EXIT_USAGE = 2;
/** the job could not start or end as asked (Flink's CLI exits 1 when a submission fails) */
const EXIT_FAILED = 1;
// a UTF-8 character takes at most 4 bytes: a file larger than this has too many characters
const MAX_SCENARIO_FILE_BYTES = 4 * SCENARIO_LIMITS.textChars;
// the longest message we print: the longest list of accepted values fits with room to spare
const MAX_MESSAGE_CHARS = 4000;

function readBoundedFile(flag: string, path: string, maxChars: number, what: string): string {
  let fd: number | undefined;
  try {
    // non-blocking, so a FIFO is refused below rather than waited on
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`${flag}: ${quote(path)} is not a file; give ${what}`);
    if (stat.size > 4 * maxChars) {
      throw new UsageError(`${flag}: ${quote(path)} has ${stat.size.toLocaleString('en-US')} bytes; ${what} has at most ${maxChars.toLocaleString('en-US')} characters`);
    }
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${flag}: cannot read ${quote(path)}: ${echo((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readScenarioFile(path: string): string {
  return readBoundedFile('--scenario', path, MAX_SCENARIO_FILE_BYTES / 4, 'a built-in id or a path to a .json file');
}

/** The restore's mapping, one stderr line per operator: what Flink logs when it assigns state. */
function mappingLines(mapping: StateMapping): string[] {
  return mapping.rows.map((r) => {
    switch (r.status) {
      case 'matched': return `restore: ${r.operatorId} matched: ${r.from.name} (${r.from.vertex}, parallelism ${r.from.parallelism}) -> ${r.to.name} (${r.to.vertex}, parallelism ${r.to.parallelism})`;
      case 'orphaned': return `restore: ${r.operatorId} orphaned: ${r.from.name} (${r.from.vertex})${r.from.hasState ? ' holds state the new program has no operator for' : ' holds no state: skipped'}`;
      case 'new': return `restore: ${r.operatorId} new: ${r.to.name} (${r.to.vertex}) starts with empty state`;
    }
  });
}

/** Writes the latest completed savepoint or checkpoint; false (after a message) when there is none. */
function writeSnapshot(sim: Simulation, kind: 'savepoint' | 'checkpoint', path: string, origin: { scenario: string; seed: number }): boolean {
  const flag = `--${kind}-out`;
  const snap = latestSnapshot(sim.state, kind);
  if (!snap) {
    console.error(line(`${flag}: no ${kind} completed by ${formatDuration(sim.now)}; ${kind === 'savepoint' ? 'take one with --savepoint-at or --stop-with-savepoint-at, early enough to complete' : 'set execution.checkpointing.interval, or run longer'}`));
    return false;
  }
  const text = encodeSnapshotFile(snapshotByOperator(sim.state, snap), origin);
  if (text.length > SNAPSHOT_FILE_LIMITS.textChars) {
    console.error(line(`${flag}: ${kind} ${snap.id} takes ${text.length.toLocaleString('en-US')} characters as JSON; a snapshot file holds at most ${SNAPSHOT_FILE_LIMITS.textChars.toLocaleString('en-US')}`));
    return false;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${quote(path)}: ${echo((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
  }
  return true;
}

function loadScenario(ref: string | undefined): unknown {
  const id = ref ?? DEFAULT_SCENARIO_ID;
  const builtin = builtinScenario(id);
  if (builtin) return builtin;
  if (!id.endsWith('.json') && !id.includes('/')) {
    throw new UsageError(`--scenario: no built-in scenario ${quote(id)}; built-ins are ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}, or give a path to a .json file`);
  }
  return parseScenarioText(readScenarioFile(id));
}

function summary(r: SimReport): string {
  const lines = [
    `scenario ${r.scenario}, seed ${r.seed}: ${formatDuration(r.simTimeMs)} simulated in ${r.stats.wallMs} ms`,
    `job ${r.job.status}, ${r.stats.events} events, ${r.stats.recordsProcessed} records processed, trace ${r.traceHash}`,
  ];
  for (const op of r.job.operators) lines.push(`  ${op.name}: parallelism ${op.parallelism}, max parallelism ${op.maxParallelism}`);
  for (const [id, subtasks] of Object.entries(r.state)) {
    for (const s of subtasks) {
      const keys = Object.entries(s.keyed);
      if (keys.length) lines.push(`  ${id}[${s.subtask}] key groups ${s.keyGroupRange?.join('-')}: ${keys.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
      const readers = (s.operator as { SourceReaderState?: { partition: number; offset: number }[] }).SourceReaderState;
      if (readers) lines.push(`  ${id}[${s.subtask}] offsets ${readers.map((x) => `p${x.partition}@${x.offset}`).join(', ')}`);
    }
  }
  for (const [id, sink] of Object.entries(r.sinks)) lines.push(`  sink ${id}: ${sink.committed.length} records committed, ${sink.uncommitted} not yet`);
  const c = r.checkpoints.counts;
  lines.push(`checkpoints: ${c.completed} completed, ${c.failed} failed, ${c.in_progress} in progress; restarts ${r.job.restarts}${r.job.failure ? `; failure: ${r.job.failure}` : ''}`);
  if (r.oracle) lines.push(r.oracle.verdict === 'inconclusive' ? `oracle: inconclusive (${r.oracle.reason})` : `oracle: ${r.oracle.verdict} (${r.oracle.duplicates} duplicates, ${r.oracle.missing} missing; judged ${r.oracle.judged})`);
  for (const a of r.oracle?.brokerAborted ?? []) lines.push(`  lost: ${a.missing} of ${a.records} records of transaction ${a.txn} (sink ${a.sink}, checkpoint ${a.checkpointId}): the broker aborted it at ${formatDuration(a.abortedAt)} (transaction.timeout.ms)`);
  return lines.join('\n');
}

/** Names and keys from a scenario file, printed as text: each line's control characters escaped. */
function terminalSafe(text: string): string {
  return text.split('\n').map((l) => echo(l, Infinity)).join('\n');
}

/** One line for stderr, whatever a message holds: control characters escaped, length bounded. */
function line(message: string): string {
  return `sim: ${echo(message, MAX_MESSAGE_CHARS)}`;
}

function main(argv: string[]): number {
  let args;
  try {
    const wallLimitMs = wallLimitFrom(process.env);
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    const scenario = loadScenario(args.scenario);
    if (args.export) {
      const files = flinkProject(scenario, { seed: args.seed, conf: args.conf });
      const { written, removed } = writeProject(args.export.out, files);
      console.log(`wrote ${written} files to ${echo(args.export.out)}${removed ? ` (removed ${removed} left from the previous export)` : ''}`);
      return 0;
    }
    const started = performance.now();
    let sim: Simulation;
    if (args.fromSavepoint !== undefined) {
      let snapshot;
      try {
        snapshot = decodeSnapshotFile(readBoundedFile('--from-savepoint', args.fromSavepoint, SNAPSHOT_FILE_LIMITS.textChars, 'a snapshot file written by --savepoint-out or --checkpoint-out')).snapshot;
      } catch (e) {
        if (e instanceof SnapshotFileError) throw new UsageError(`--from-savepoint ${quote(args.fromSavepoint)}: ${e.message}`);
        throw e;
      }
      const claimMode = (args.claimMode ?? args.conf['execution.state-recovery.claim-mode'] ?? 'NO_CLAIM') as ClaimMode;
      try {
        const started = startFromSnapshot(scenario, snapshot, { seed: args.seed, conf: args.conf, faults: args.faults, allowNonRestoredState: args.allowNonRestoredState, claimMode });
        sim = started.sim;
        for (const l of mappingLines(started.mapping)) console.error(line(l));
      } catch (e) {
        if (e instanceof RestoreError) {
          console.error(line(e.message));
          // Flink names the operator by its id alone: say which one of the snapshot it is
          const orphans = startMapping(scenario, snapshot, { seed: args.seed, conf: args.conf }).rows.filter((r) => r.status === 'orphaned' && r.from.hasState);
          for (const l of mappingLines({ rows: orphans, blocking: [] })) console.error(line(l));
          return EXIT_FAILED;
        }
        throw e;
      }
    } else {
      sim = Simulation.create(scenario, { seed: args.seed, conf: args.conf, faults: args.faults });
    }
    // times count from the job's start: with --from-savepoint, the moment the snapshot completed
    const start = sim.now;
    const wallNow = () => performance.now() - started;
    const commands = [...args.savepointAt.map((at) => ({ at, stop: false })), ...(args.stopWithSavepointAt === undefined ? [] : [{ at: args.stopWithSavepointAt, stop: true }])].sort((a, b) => a.at - b.at);
    for (const c of commands) {
      runWithinWallLimit(sim, start + c.at, wallLimitMs, wallNow);
      if (sim.state.job.status !== 'RUNNING') {
        console.error(line(`note: ${c.stop ? '--stop-with-savepoint-at' : '--savepoint-at'} ${formatDuration(c.at)}: the job is ${sim.state.job.status}, no savepoint taken`));
        continue;
      }
      if (c.stop) sim.stopWithSavepoint();
      else sim.triggerSavepoint();
    }
    runWithinWallLimit(sim, start + args.untilMs, wallLimitMs, wallNow);
    const wallMs = Math.round(performance.now() - started);
    const report = buildReport(sim.state, wallMs, computeOracle(sim.state));
    console.log(args.json ? JSON.stringify(report, null, 2) : terminalSafe(summary(report)));
    const origin = { scenario: sim.state.scenario.id, seed: sim.state.seed };
    let written = true;
    if (args.savepointOut !== undefined) written = writeSnapshot(sim, 'savepoint', args.savepointOut, origin) && written;
    if (args.checkpointOut !== undefined) written = writeSnapshot(sim, 'checkpoint', args.checkpointOut, origin) && written;
    // a fault that never struck changes nothing: say so rather than let it pass unnoticed
    const pending = pendingFaults(sim.state);
    for (const f of pending.slice(0, SCENARIO_LIMITS.problemsShown)) console.error(line(`note: fault not struck by ${formatDuration(args.untilMs)}: ${f}`));
    if (pending.length > SCENARIO_LIMITS.problemsShown) console.error(line(`note: and ${pending.length - SCENARIO_LIMITS.problemsShown} more faults not struck`));
    return written ? 0 : EXIT_FAILED;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof FaultSpecError || e instanceof WallLimitError) {
      console.error(line(e.message));
      return EXIT_USAGE;
    }
    if (e instanceof ScenarioError) {
      console.error(line(`--scenario ${quote(args?.scenario ?? DEFAULT_SCENARIO_ID)}: ${e.problems.join('; ')}`));
      return EXIT_USAGE;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
