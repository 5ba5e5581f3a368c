import type { BarrierHandlerOptions, BarrierHandlerState, GateInput, HandlerOutput, TrackedCheckpoint } from './types';

// Flink's CheckpointBarrierTracker (at-least-once): never blocks a channel; follows several
// checkpoints at once; a checkpoint completes when all its barriers are in, which silently drops
// every older one still incomplete.

const MAX_TRACKED = 50;

function completeEntry(s: BarrierHandlerState, index: number, now: number, out: HandlerOutput[]): void {
  const entry = s.tracked[index];
  s.tracked.splice(0, index + 1); // this one and every older one
  if (!entry.aborted) {
    const alignmentDurationMs = entry.id === s.latestPendingId ? now - entry.firstBarrierAt : 0;
    out.push({ kind: 'trigger', checkpointId: entry.id, unaligned: false, alignmentDurationMs });
  }
}

function addChannel(entry: TrackedCheckpoint, channel: number): void {
  if (!entry.channels.includes(channel)) entry.channels.push(channel);
}

export function trackerPush(s: BarrierHandlerState, o: BarrierHandlerOptions, input: GateInput, now: number, out: HandlerOutput[]): void {
  switch (input.kind) {
    case 'record':
      out.push({ kind: 'process', channel: input.channel, seq: input.seq });
      return;
    case 'barrier': {
      const id = input.checkpointId;
      if (id > s.latestPendingId && s.openChannels === 1) {
        s.latestPendingId = id;
        out.push({ kind: 'trigger', checkpointId: id, unaligned: false, alignmentDurationMs: 0 });
        return;
      }
      const i = s.tracked.findIndex((e) => e.id === id);
      if (i >= 0) {
        addChannel(s.tracked[i], input.channel);
        if (s.tracked[i].channels.length >= s.tracked[i].target) completeEntry(s, i, now, out);
      } else if (id > s.latestPendingId) {
        s.latestPendingId = id;
        s.tracked.push({ id, channels: [input.channel], target: s.openChannels, aborted: false, firstBarrierAt: now });
        if (s.tracked.length > MAX_TRACKED) s.tracked.shift();
        if (s.openChannels <= 1) completeEntry(s, s.tracked.length - 1, now, out);
      }
      return;
    }
    case 'cancel': {
      const id = input.checkpointId;
      while (s.tracked.length && s.tracked[0].id < id) {
        const older = s.tracked.shift()!;
        if (!older.aborted) out.push({ kind: 'abort', checkpointId: older.id, reason: 'cancellation-barrier' });
      }
      const entry = s.tracked.find((e) => e.id === id);
      if (entry) {
        if (!entry.aborted) {
          entry.aborted = true;
          out.push({ kind: 'abort', checkpointId: id, reason: 'cancellation-barrier' });
        }
        addChannel(entry, input.channel);
        if (entry.channels.length >= entry.target) s.tracked.splice(s.tracked.indexOf(entry), 1);
      } else if (id > s.latestPendingId) {
        s.latestPendingId = id;
        out.push({ kind: 'abort', checkpointId: id, reason: 'cancellation-barrier' });
        s.tracked.unshift({ id, channels: [input.channel], target: s.openChannels, aborted: true, firstBarrierAt: now });
      }
      return;
    }
    case 'end-of-partition': {
      if (o.checkpointsAfterTasksFinish === false) {
        for (const e of s.tracked) if (!e.aborted) out.push({ kind: 'abort', checkpointId: e.id, reason: 'end-of-input' });
        s.tracked = [];
        return;
      }
      // The finished channel counts as aligned everywhere; the newest entry that completes wins.
      for (let i = s.tracked.length - 1; i >= 0; i--) {
        addChannel(s.tracked[i], input.channel);
      }
      for (let i = s.tracked.length - 1; i >= 0; i--) {
        if (s.tracked[i].channels.length >= s.tracked[i].target) {
          completeEntry(s, i, now, out);
          break;
        }
      }
      return;
    }
  }
}
