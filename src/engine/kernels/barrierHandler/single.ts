import type { BarrierHandlerOptions, BarrierHandlerState, GateInput, HandlerOutput } from './types';

// Flink's SingleCheckpointBarrierHandler with its aligned, unaligned and alternating
// (aligned with timeout) states: one checkpoint at a time; a newer barrier aborts an older
// pending one; an aligned barrier blocks its channel until the checkpoint is triggered or given up.

const isPending = (s: BarrierHandlerState) => s.currentCheckpointId >= 0 && s.currentCheckpointId !== s.lastCancelledOrCompletedId;
const timeoutOf = (o: BarrierHandlerOptions) => (o.mode === 'unaligned' ? o.alignedCheckpointTimeoutMs ?? 0 : 0);
/** barriers arrive aligned (and block their channel) unless checkpoints are purely unaligned */
const barriersBlock = (o: BarrierHandlerOptions) => o.mode === 'aligned' || timeoutOf(o) > 0;

function release(s: BarrierHandlerState): void {
  s.blocked = [];
}

function finishCheckpoint(s: BarrierHandlerState): void {
  s.lastCancelledOrCompletedId = s.currentCheckpointId;
  release(s);
}

function abortCurrent(s: BarrierHandlerState, reason: 'subsumed' | 'cancellation-barrier' | 'end-of-input', out: HandlerOutput[]): void {
  out.push({ kind: 'abort', checkpointId: s.currentCheckpointId, reason });
  finishCheckpoint(s);
}

function switchToUnaligned(s: BarrierHandlerState, now: number, out: HandlerOutput[]): void {
  s.triggered = true;
  s.unaligned = true;
  out.push({ kind: 'trigger', checkpointId: s.currentCheckpointId, unaligned: true, alignmentDurationMs: now - s.firstBarrierAt });
}

function timedOut(s: BarrierHandlerState, o: BarrierHandlerOptions, now: number): boolean {
  const t = timeoutOf(o);
  return t > 0 && !s.savepoint && now - s.barrierTimestamp > t;
}

/** Due timeouts: an aligned checkpoint whose time is up continues as an unaligned one. */
export function singleTick(s: BarrierHandlerState, o: BarrierHandlerOptions, now: number, out: HandlerOutput[]): void {
  if (isPending(s) && !s.triggered && timedOut(s, o, now)) switchToUnaligned(s, now, out);
}

/** Every open channel has delivered the barrier (or ended): the checkpoint is complete at this gate. */
function maybeComplete(s: BarrierHandlerState, now: number, out: HandlerOutput[]): void {
  if (s.aligned.length < s.targetChannelCount) return;
  if (!s.triggered) out.push({ kind: 'trigger', checkpointId: s.currentCheckpointId, unaligned: false, alignmentDurationMs: now - s.firstBarrierAt });
  finishCheckpoint(s);
}

export function singlePush(s: BarrierHandlerState, o: BarrierHandlerOptions, input: GateInput, now: number, out: HandlerOutput[]): void {
  singleTick(s, o, now, out);
  switch (input.kind) {
    case 'record': {
      // Unaligned: a record from a channel whose barrier is still to come belongs to the channel state.
      const recording = isPending(s) && s.unaligned && !s.aligned.includes(input.channel);
      out.push(recording ? { kind: 'process', channel: input.channel, seq: input.seq, persistedFor: s.currentCheckpointId } : { kind: 'process', channel: input.channel, seq: input.seq });
      return;
    }
    case 'barrier': {
      const id = input.checkpointId;
      if (id < s.currentCheckpointId || (id === s.currentCheckpointId && !isPending(s))) return; // obsolete: its channel resumes at once
      if (id > s.currentCheckpointId) {
        if (isPending(s)) abortCurrent(s, 'subsumed', out);
        s.currentCheckpointId = id;
        s.aligned = [];
        s.targetChannelCount = s.openChannels;
        s.firstBarrierAt = now;
        s.barrierTimestamp = input.timestamp ?? now;
        s.triggered = false;
        s.unaligned = false;
        // savepoints are always aligned (an extension of the contract's GateInput)
        s.savepoint = input.savepoint === true;
        if (o.mode === 'unaligned' && !s.savepoint && (timeoutOf(o) === 0 || timedOut(s, o, now))) switchToUnaligned(s, now, out);
      }
      if (!s.aligned.includes(input.channel)) s.aligned.push(input.channel);
      if ((barriersBlock(o) || s.savepoint) && !s.blocked.includes(input.channel)) s.blocked.push(input.channel);
      maybeComplete(s, now, out);
      return;
    }
    case 'cancel': {
      const id = input.checkpointId;
      if (id > s.currentCheckpointId || (id === s.currentCheckpointId && isPending(s))) {
        // A marker for a newer id silently abandons an older pending alignment.
        s.currentCheckpointId = id;
        out.push({ kind: 'abort', checkpointId: id, reason: 'cancellation-barrier' });
        finishCheckpoint(s);
      }
      return;
    }
    case 'end-of-partition': {
      if (!isPending(s)) return;
      if (o.checkpointsAfterTasksFinish === false) {
        abortCurrent(s, 'end-of-input', out);
        return;
      }
      // A finished channel counts as aligned for the pending checkpoint.
      if (!s.aligned.includes(input.channel)) s.aligned.push(input.channel);
      maybeComplete(s, now, out);
      return;
    }
  }
}
