import {
  blockedChannelsOf, initialBarrierHandlerState, pushGateInput, recordPassesThrough, tickGate,
  type BarrierHandlerState, type GateInput, type HandlerOutput,
} from '../kernels/barrierHandler';
import { settingsOf } from '../checkpoint/settings';
import type { PlanSubtask } from '../model/types';
import type { SimState } from '../sim/state';
import { carriesUnalignedBarriers } from './barriers';

// The input gate of a task: the barrier-handling kernel (CONTRACTS 1.2) over the plain state
// kept in SubtaskState.gate, with options that follow from the checkpointing configuration.

export type GateOptions = Parameters<typeof initialBarrierHandlerState>[0];

// Options are asked for on every record: computed once per configuration and subtask.
const optionsCache = new WeakMap<SimState['config'], GateOptions[]>();
// the configuration asked about last, and its options: one run asks about the same one every time
let lastConfig: SimState['config'] | null = null;
let lastOptions: GateOptions[] = [];

export function gateOptionsFor(state: SimState, ps: PlanSubtask): GateOptions {
  if (state.config !== lastConfig) {
    let perSubtask = optionsCache.get(state.config);
    if (!perSubtask) optionsCache.set(state.config, (perSubtask = []));
    lastConfig = state.config;
    lastOptions = perSubtask;
  }
  return (lastOptions[ps.id] ??= computeOptions(state, ps));
}

function computeOptions(state: SimState, ps: PlanSubtask): GateOptions {
  const s = settingsOf(state);
  // Fed only by forward or broadcast channels, a task gets its barriers "forced aligned" (Flink's
  // FORCED_ALIGNED): it checkpoints aligned even when the checkpoint is unaligned elsewhere.
  const unaligned = s.unaligned && ps.inputChannels.some((c) => carriesUnalignedBarriers(state, c));
  return {
    mode: s.mode === 'AT_LEAST_ONCE' ? 'at-least-once' : unaligned ? 'unaligned' : 'aligned',
    channels: ps.inputChannels.length,
    alignedCheckpointTimeoutMs: unaligned && s.alignedTimeoutMs > 0 ? s.alignedTimeoutMs : undefined,
    checkpointsAfterTasksFinish: true,
  };
}

export function initialGate(state: SimState, ps: PlanSubtask): BarrierHandlerState | null {
  return ps.inputChannels.length ? initialBarrierHandlerState(gateOptionsFor(state, ps)) : null;
}

/**
 * The gate after the checkpointing configuration changed: the handler of the new mode, with the
 * inputs that already ended, and every checkpoint triggered so far obsolete (they were aborted with
 * the change; their barriers still on the way must not start an alignment nobody will finish).
 */
export function gateAfterReconfigure(state: SimState, ps: PlanSubtask, old: BarrierHandlerState | null): BarrierHandlerState | null {
  const gate = initialGate(state, ps);
  if (!gate) return null;
  if (old) {
    gate.finished = [...old.finished];
    gate.openChannels = old.openChannels;
  }
  const lastTriggered = state.coordinator.nextId - 1;
  gate.currentCheckpointId = lastTriggered;
  gate.lastCancelledOrCompletedId = lastTriggered;
  gate.latestPendingId = lastTriggered;
  return gate;
}

export function gatePush(state: SimState, ps: PlanSubtask, gate: BarrierHandlerState, input: GateInput): HandlerOutput[] {
  return pushGateInput(gate, gateOptionsFor(state, ps), input, state.now);
}

export function gatePassesRecords(state: SimState, ps: PlanSubtask, gate: BarrierHandlerState): boolean {
  return recordPassesThrough(gate, gateOptionsFor(state, ps));
}

export function gateTick(state: SimState, ps: PlanSubtask, gate: BarrierHandlerState): HandlerOutput[] {
  return tickGate(gate, gateOptionsFor(state, ps), state.now);
}

/** Channel ids (not gate indices) the gate does not read now. */
export function gateBlockedChannels(state: SimState, ps: PlanSubtask, gate: BarrierHandlerState): number[] {
  return blockedChannelsOf(gate, gateOptionsFor(state, ps)).map((i) => ps.inputChannels[i]);
}
