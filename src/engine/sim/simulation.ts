import { Conf, ConfigError, type RawConf } from '../config/conf';
import { buildPlan, partitionOwner } from '../model/plan';
import type { SimState, SubtaskState } from './state';
import { createChannel } from '../runtime/channels';
import type { Runtime } from '../runtime/runtime';
import { onAlignmentTimer, wakeSubtask } from '../runtime/task';
import { onOutputBarrierTimeout } from '../runtime/barriers';
import { onSnapshotUploaded } from '../runtime/checkpointing';
import { gateAfterReconfigure, initialGate } from '../runtime/gate';
import { requestWake } from '../runtime/runtime';
import { emptySink, transactionPrefix, type SinkKind } from '../runtime/sink';
import { emptyRocksDb } from '../checkpoint/taskSnapshot';
import { checkpointSettings, settingsOf, settingsProblems } from '../checkpoint/settings';
import {
  failCheckpoint, initialCoordinator, onAcknowledge, onDecline, onPeriodicTick, onTimeout, requestCheckpoint,
  startCheckpointScheduler, stopCheckpointScheduler,
} from '../checkpoint/coordinator';
import { applyFault, armedFaultsFor, failTasks, restoreSubtasksFrom, restoreTasks } from '../faults/recovery';
import type { CompletedCheckpoint } from '../checkpoint/types';
import { parseFaultSpec, type CheckpointPhase, type Fault } from '../faults/faultSpec';
import { initialRestartState } from '../kernels/restartStrategy';
import { checkStopTheWorld } from '../checkpoint/stopTheWorld';
import type { ScenarioSpec } from '../scenarios/schema';
import { parseScenario } from '../scenarios/validate';
import type { TraceEvent, TraceListener } from '../trace/events';
import { hashEvent, TRACE_HASH_SEED } from '../trace/hash';
import { peekEvent, popEvent, schedule } from './eventQueue';
import { GUARD_EVERY_EVENTS, guardRun, stoppedByRunGuard } from './runGuard';
import { nextInt, seedToState } from './rng';

/** Configuration that may change while a job runs: checkpointing, restart and failover settings. */
const LIVE_KEYS = ['execution.checkpointing.', 'state.backend.', 'restart-strategy.', 'jobmanager.execution.', 'sim.checkpointing.', 'sim.rpc.', 'sim.snapshot.'];

export interface SimulationOptions {
  seed?: number;
  /** configuration on top of the scenario's own (Flink keys and sim.* keys) */
  conf?: RawConf;
  /** faults in the `--fault` syntax, on top of the scenario's own */
  faults?: string[];
}

// Every key stays an own property, "__proto__" too, so that validation refuses it (an assignment
// would drop it silently).
function rawConf(conf: RawConf): { [key: string]: string } {
  return Object.fromEntries(Object.entries(conf).map(([k, v]) => [k, String(v)]));
}

/** The initial state of a run: scenario and configuration validated, plan built, sources armed. */
export function createInitialState(scenarioInput: unknown, options: SimulationOptions = {}): SimState {
  const scenario: ScenarioSpec = parseScenario(scenarioInput);
  const raw = rawConf({ ...scenario.config, ...options.conf });
  const conf = new Conf(raw);
  const plan = buildPlan(scenario, conf);
  const seed = options.seed ?? scenario.seed ?? 1;
  const state: SimState = {
    scenarioId: scenario.id, seed, now: 0, seq: 0, rng: seedToState(seed), queue: [], plan,
    config: { raw }, channels: [], subtasks: [], traceHash: TRACE_HASH_SEED,
    stats: { events: 0, recordsProcessed: 0, recordHops: 0 },
    job: { status: 'RUNNING', restarts: 0, failure: null, generation: 0 }, scenario,
    coordinator: initialCoordinator(), restores: [], stopTheWorld: null,
    recovery: { restart: initialRestartState(), pendingAttempt: 0, storageOutageUntil: 0, armed: [], struck: [] },
  };
  const cpSettings = settingsOf(state);
  const impossible = settingsProblems(cpSettings);
  if (impossible.length) throw new ConfigError(impossible[0].split(':')[0], impossible.join('; '));

  const latency = conf.duration('sim.channel.latency')!;
  const jitter = conf.duration('sim.channel.jitter')!;
  const capacity = conf.number('sim.channel.capacity')!;
  state.channels = plan.channels.map((ch) => {
    const e = scenario.edges[ch.edge];
    return createChannel(e.latencyMs ?? latency, e.jitterMs ?? jitter, e.capacity ?? capacity);
  });
  state.subtasks = plan.subtasks.map((ps): SubtaskState => {
    const op = plan.operators[ps.operator];
    const src = op.params.source;
    const partitions = src ? [...Array(src.partitions).keys()].filter((p) => partitionOwner(src.topic, p, op.parallelism) === ps.index) : [];
    return {
      status: 'RUNNING', busyUntil: 0, wakeAt: -1, backpressured: false, processed: 0, emitted: 0, keyed: new Map(),
      source: src ? { partitions, offsets: Object.fromEntries(partitions.map((p) => [p, 0])) } : null,
      sink: op.kind === 'sink' ? emptySink((op.params.sinkKind ?? 'plain') as SinkKind, transactionPrefix(0, op.id, ps.index)) : null,
      // Flink's rebalance starts at a random channel, then goes round-robin.
      roundRobin: ps.outputs.map((o) => nextInt(state, 0, o.channels.length - 1)),
      finishedInputs: [], blockedInputs: [],
      gate: initialGate(state, ps), mailbox: [], snapshots: [], lastCheckpointId: 0, alignment: null,
      rocks: cpSettings.backend === 'rocksdb' && op.keyed ? emptyRocksDb() : null,
    };
  });
  for (const ps of plan.subtasks) {
    if (plan.operators[ps.operator].kind === 'source') {
      state.subtasks[ps.id].wakeAt = 0;
      schedule(state, 0, { kind: 'wake', subtask: ps.id });
    }
  }
  startCheckpointScheduler(state);
  for (const text of [...(scenario.faults ?? []), ...(options.faults ?? [])]) {
    const f = parseFaultSpec(text, plan);
    if (f.when) state.recovery.armed.push({ fault: f.fault, when: f.when });
    else schedule(state, f.at, { kind: 'fault', fault: f.fault });
  }
  return state;
}

/**
 * A running simulation: plain-data state plus the listeners that watch its trace.
 * `new Simulation(structuredClone(state))` continues a saved state exactly.
 */
export class Simulation {
  private readonly listeners: TraceListener[] = [];
  private readonly rt: Runtime;

  constructor(readonly state: SimState) {
    const listeners = this.listeners;
    const notify = (ev: TraceEvent) => {
      for (let i = 0; i < listeners.length; i++) listeners[i](ev);
    };
    this.rt = {
      state,
      keyContexts: [],
      listeners,
      notify,
      emit(ev: TraceEvent) {
        state.traceHash = hashEvent(state.traceHash, ev);
        if (state.recovery.armed.length) {
          // a fault armed for this phase strikes right after the event that reached it
          const hits = armedFaultsFor(state, ev);
          for (const i of hits) schedule(state, state.now, { kind: 'fault', fault: state.recovery.armed[i].fault });
          state.recovery.armed = state.recovery.armed.filter((_, i) => !hits.includes(i));
        }
        notify(ev);
      },
      failJob: (reason: string) => failTasks(this.rt, [], reason, true),
    };
  }

  static create(scenario: unknown, options: SimulationOptions = {}): Simulation {
    return new Simulation(createInitialState(scenario, options));
  }

  get now(): number {
    return this.state.now;
  }

  /** Listen to every trace event; returns the function that stops listening. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  nextEventTime(): number | undefined {
    return peekEvent(this.state.queue)?.time;
  }

  /** Runs the next event; false when nothing is left to happen. */
  step(): boolean {
    const entry = popEvent(this.state.queue);
    if (!entry) return false;
    this.state.now = entry.time;
    this.state.stats.events++;
    const ev = entry.event;
    switch (ev.kind) {
      case 'wake': wakeSubtask(this.rt, ev.subtask); break;
      case 'cp-periodic': onPeriodicTick(this.rt, ev.generation); break;
      case 'mail': {
        const st = this.state.subtasks[ev.subtask];
        if (st.status !== 'RUNNING') break;
        st.mailbox.push(ev.mail);
        requestWake(this.state, ev.subtask, Math.max(this.state.now, st.busyUntil));
        break;
      }
      case 'cp-ack': onAcknowledge(this.rt, ev.checkpointId, { ...ev.ack, ackTime: this.state.now }, ev.snapshot); break;
      case 'cp-decline': onDecline(this.rt, ev.checkpointId, ev.reason); break;
      case 'cp-timeout': onTimeout(this.rt, ev.checkpointId); break;
      case 'snapshot-uploaded': onSnapshotUploaded(this.rt, ev.subtask, ev.checkpointId); break;
      case 'alignment-timer': onAlignmentTimer(this.rt, ev.subtask); break;
      case 'output-barrier-timeout': onOutputBarrierTimeout(this.rt, ev.subtask, ev.checkpointId); break;
      case 'fault': applyFault(this.rt, ev.fault); break;
      case 'restart': restoreTasks(this.rt, ev.subtasks, ev.attempt); break;
    }
    if (this.state.stopTheWorld) checkStopTheWorld(this.rt);
    if (this.state.stats.events % GUARD_EVERY_EVENTS === 0) guardRun(this.rt);
    return true;
  }

  /** Injects a fault now (the page's Kill task and the other fault buttons). */
  injectFault(fault: Fault): void {
    applyFault(this.rt, fault);
  }

  /** Arms a fault for a phase of a checkpoint (the page's "kill during alignment" and friends). */
  armFault(fault: Fault, when: CheckpointPhase): void {
    this.state.recovery.armed.push({ fault, when });
  }

  /** The "Trigger checkpoint" button: a manual (non-periodic) checkpoint request. */
  triggerCheckpoint(): void {
    requestCheckpoint(this.rt, 'manual');
  }

  /**
   * Changes the checkpointing configuration from now on (the page's Settings, as a command).
   * Keys that shape the job itself (parallelism, channels, sources, sinks) need a new run.
   */
  reconfigure(conf: RawConf): void {
    const raw = rawConf({ ...this.state.scenario.config, ...conf });
    const changed = Object.keys({ ...raw, ...this.state.config.raw }).filter((k) => raw[k] !== this.state.config.raw[k]);
    const structural = changed.filter((k) => !LIVE_KEYS.some((p) => k.startsWith(p)));
    if (structural.length) throw new ConfigError(structural[0], `${structural.join(', ')} shape the job itself and cannot change in a running job: start a new run`);
    const next = checkpointSettings(new Conf(raw));
    const impossible = settingsProblems(next);
    if (impossible.length) throw new ConfigError(impossible[0].split(':')[0], impossible.join('; '));
    for (const id of [...this.state.coordinator.pending]) failCheckpoint(this.rt, id, 'configuration-changed');
    this.state.config = { raw };
    for (const ps of this.state.plan.subtasks) {
      const st = this.state.subtasks[ps.id];
      st.gate = gateAfterReconfigure(this.state, ps, st.gate);
      st.blockedInputs = [];
      st.alignment = null;
      st.snapshots = [];
      const keyed = this.state.plan.operators[ps.operator].keyed;
      st.rocks = next.backend === 'rocksdb' && keyed ? st.rocks ?? emptyRocksDb() : null;
      if (st.status === 'RUNNING') requestWake(this.state, ps.id, Math.max(this.state.now, st.busyUntil));
    }
    this.state.stopTheWorld = null;
    stopCheckpointScheduler(this.state);
    startCheckpointScheduler(this.state);
    this.rt.emit({ type: 'configuration-changed', time: this.state.now, keys: changed.join(',') });
  }

  /** Restores every subtask from a snapshot laid out for this job's subtasks (a job started from a savepoint). */
  restoreFrom(snapshot: CompletedCheckpoint): void {
    restoreSubtasksFrom(this.rt, snapshot, this.state.plan.subtasks.map((s) => s.id));
  }

  /** A savepoint: always aligned, ignores max-concurrent and min-pause, subsumes nothing, commits nothing. */
  triggerSavepoint(): void {
    requestCheckpoint(this.rt, 'savepoint');
  }

  /** Stop with savepoint: a synchronous savepoint, sinks commit on its completion, sources stop, the job finishes. */
  stopWithSavepoint(): void {
    requestCheckpoint(this.rt, 'sync-savepoint');
  }

  /** Runs every event up to and including `time`, then sets the clock to `time`. */
  runUntil(time: number, maxEvents = Infinity): number {
    let n = 0;
    const queue = this.state.queue;
    while (n < maxEvents && queue.length > 0 && queue[0].time <= time) {
      this.step();
      n++;
    }
    // a run the guard stopped stays at the moment it stopped
    if (n < maxEvents && time > this.state.now && !stoppedByRunGuard(this.state.job.failure)) this.state.now = time;
    return n;
  }
}
