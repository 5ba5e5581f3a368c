import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  buildReport, builtinScenario, BUILTIN_SCENARIOS, computeOracle, ConfigError, DEFAULT_SCENARIO_ID, FaultSpecError, formatDuration, pendingFaults, ScenarioError, Simulation,
  type SimReport,
} from '../engine';
import { parseArgs, USAGE, UsageError } from './args';

// `npm run --silent sim -- ...`: runs a scenario headless on the engine alone and prints a summary
// or the JSON document of CONTRACTS §2.

function loadScenario(ref: string | undefined): unknown {
  const id = ref ?? DEFAULT_SCENARIO_ID;
  const builtin = builtinScenario(id);
  if (builtin) return builtin;
  if (!id.endsWith('.json') && !id.includes('/')) {
    throw new UsageError(`--scenario: no built-in scenario "${id}"; built-ins are ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}, or give a path to a .json file`);
  }
  let text: string;
  try {
    text = readFileSync(id, 'utf8');
  } catch (e) {
    throw new UsageError(`--scenario: cannot read "${id}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--scenario: "${id}" is not valid JSON: ${(e as Error).message}`);
  }
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
  if (r.oracle) lines.push(r.oracle.verdict === 'inconclusive' ? 'oracle: inconclusive (the run or its fault-free reference could not be drained to the end)' : `oracle: ${r.oracle.verdict} (${r.oracle.duplicates} duplicates, ${r.oracle.missing} missing)`);
  return lines.join('\n');
}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    const scenario = loadScenario(args.scenario);
    const started = performance.now();
    const sim = Simulation.create(scenario, { seed: args.seed, conf: args.conf, faults: args.faults });
    sim.runUntil(args.untilMs);
    const wallMs = Math.round(performance.now() - started);
    const report = buildReport(sim.state, wallMs, computeOracle(sim.state));
    console.log(args.json ? JSON.stringify(report, null, 2) : summary(report));
    // a fault that never struck changes nothing: say so rather than let it pass unnoticed
    for (const f of pendingFaults(sim.state)) console.error(`sim: note: fault not struck by ${formatDuration(args.untilMs)}: ${f}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof FaultSpecError) {
      console.error(`sim: ${e.message}`);
      return 2;
    }
    if (e instanceof ScenarioError) {
      console.error(`sim: --scenario ${args?.scenario ?? DEFAULT_SCENARIO_ID}: ${e.problems.join('; ')}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
