import type { Runtime } from '../runtime/runtime';
import { mixNumber, mixString } from './hash';

// The events that happen once per record. They are hashed field by field, in the order of their
// declaration in the TraceEvent union (exactly as hashEvent hashes the object), and built as
// objects only when someone listens: the CLI and the benchmark never allocate them.

export function traceRecordSent(rt: Runtime, time: number, channel: number, seq: number, key: string, deliverAt: number): void {
  const s = rt.state;
  let h = mixString(s.traceHash, 'record-sent');
  h = mixNumber(h, time); h = mixNumber(h, channel); h = mixNumber(h, seq); h = mixString(h, key); h = mixNumber(h, deliverAt);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-sent', time, channel, seq, key, deliverAt });
}

export function traceRecordProcessed(rt: Runtime, time: number, subtask: number, channel: number, seq: number, key: string): void {
  const s = rt.state;
  let h = mixString(s.traceHash, 'record-processed');
  h = mixNumber(h, time); h = mixNumber(h, subtask); h = mixNumber(h, channel); h = mixNumber(h, seq); h = mixString(h, key);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-processed', time, subtask, channel, seq, key });
}

export function traceRecordRead(rt: Runtime, time: number, subtask: number, partition: number, offset: number, key: string): void {
  const s = rt.state;
  let h = mixString(s.traceHash, 'record-read');
  h = mixNumber(h, time); h = mixNumber(h, subtask); h = mixNumber(h, partition); h = mixNumber(h, offset); h = mixString(h, key);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-read', time, subtask, partition, offset, key });
}

export function traceStateUpdated(rt: Runtime, time: number, subtask: number, keyGroup: number, key: string, state: string, value: string): void {
  const s = rt.state;
  let h = mixString(s.traceHash, 'state-updated');
  h = mixNumber(h, time); h = mixNumber(h, subtask); h = mixNumber(h, keyGroup); h = mixString(h, key); h = mixString(h, state); h = mixString(h, value);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'state-updated', time, subtask, keyGroup, key, state, value });
}

export function traceSinkReceived(rt: Runtime, time: number, subtask: number, key: string, value: number): void {
  const s = rt.state;
  let h = mixString(s.traceHash, 'sink-received');
  h = mixNumber(h, time); h = mixNumber(h, subtask); h = mixString(h, key); h = mixNumber(h, value);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'sink-received', time, subtask, key, value });
}
