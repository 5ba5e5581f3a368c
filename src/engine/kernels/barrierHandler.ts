import { singlePush, singleTick } from './barrierHandler/single';
import { trackerPush } from './barrierHandler/tracker';
import type { BarrierHandler, BarrierHandlerOptions, BarrierHandlerState, GateInput, HandlerOutput } from './barrierHandler/types';

export type { BarrierHandler, BarrierHandlerOptions, BarrierHandlerState, GateInput, HandlerOutput, AbortReason } from './barrierHandler/types';

// CONTRACTS 1.2 as pure functions over plain state (kept in the simulation state), and the
// contract's object as a thin wrapper around them.

export function initialBarrierHandlerState(options: BarrierHandlerOptions): BarrierHandlerState {
  if (!Number.isInteger(options.channels) || options.channels < 1) throw new RangeError(`a gate needs at least one channel, got ${options.channels}`);
  return {
    openChannels: options.channels, finished: [],
    currentCheckpointId: -1, lastCancelledOrCompletedId: -1, aligned: [], targetChannelCount: 0,
    firstBarrierAt: 0, barrierTimestamp: 0, triggered: false, unaligned: false, savepoint: false, blocked: [],
    tracked: [], latestPendingId: -1,
  };
}

export function pushGateInput(state: BarrierHandlerState, options: BarrierHandlerOptions, input: GateInput, nowMs: number): HandlerOutput[] {
  if (input.channel < 0 || input.channel >= options.channels) throw new RangeError(`channel ${input.channel} is outside 0..${options.channels - 1}`);
  const out: HandlerOutput[] = [];
  if (input.kind === 'end-of-partition') {
    if (state.finished.includes(input.channel)) return out;
    state.finished.push(input.channel);
    state.openChannels--;
  }
  if (options.mode === 'at-least-once') trackerPush(state, options, input, nowMs, out);
  else singlePush(state, options, input, nowMs, out);
  return out;
}

/**
 * True when a record pushed now would simply come back as a plain `process` and change nothing:
 * nothing pending that could persist it or time out. The engine's hot loop skips the kernel for
 * such records. Purely aligned checkpoints never persist records nor time out, pending or not:
 * their records from open channels always pass (a blocked channel delivers none).
 */
export function recordPassesThrough(state: BarrierHandlerState, options: BarrierHandlerOptions): boolean {
  if (options.mode === 'at-least-once' || options.mode === 'aligned') return true;
  return state.currentCheckpointId < 0 || state.currentCheckpointId === state.lastCancelledOrCompletedId;
}

export function tickGate(state: BarrierHandlerState, options: BarrierHandlerOptions, nowMs: number): HandlerOutput[] {
  const out: HandlerOutput[] = [];
  if (options.mode !== 'at-least-once') singleTick(state, options, nowMs, out);
  return out;
}

export function blockedChannelsOf(state: BarrierHandlerState, _options: BarrierHandlerOptions): number[] {
  return [...state.blocked].sort((a, b) => a - b);
}

export function createBarrierHandler(options: BarrierHandlerOptions): BarrierHandler {
  const state = initialBarrierHandlerState(options);
  return {
    push: (input, nowMs) => pushGateInput(state, options, input, nowMs),
    tick: (nowMs) => tickGate(state, options, nowMs),
    blockedChannels: () => blockedChannelsOf(state, options),
  };
}
