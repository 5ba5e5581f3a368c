import type { Runtime } from '../runtime/runtime';
import { fixedText, mixFixed, mixInt, mixNumberText, mixString, type FixedText } from './hash';

// The events that happen once per record (and back-pressure, which flips about every other
// record when nothing costs time). They are hashed field by field, in the order of their
// declaration in the TraceEvent union (exactly as hashEvent hashes the object), and built as
// objects only when someone listens: the CLI and the benchmark never allocate them. The type
// name, the same text every time, is mixed in one step (hash.ts, fixedText).

const RECORD_SENT = fixedText('record-sent');
const RECORD_PROCESSED = fixedText('record-processed');
const RECORD_READ = fixedText('record-read');
const STATE_UPDATED = fixedText('state-updated');
const SINK_RECEIVED = fixedText('sink-received');
const BACKPRESSURE = fixedText('backpressure');

/** mixNumber, written out so it inlines into the hot functions below */
function num(h: number, v: number): number {
  return mixInt(h, Math.round(v * 1000) >>> 0);
}

export function traceRecordSent(rt: Runtime, time: number, channel: number, seq: number, key: string, deliverAt: number): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, RECORD_SENT);
  h = num(h, time); h = num(h, channel); h = num(h, seq); h = mixString(h, key); h = num(h, deliverAt);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-sent', time, channel, seq, key, deliverAt });
}

export function traceRecordProcessed(rt: Runtime, time: number, subtask: number, channel: number, seq: number, key: string): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, RECORD_PROCESSED);
  h = num(h, time); h = num(h, subtask); h = num(h, channel); h = num(h, seq); h = mixString(h, key);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-processed', time, subtask, channel, seq, key });
}

export function traceRecordRead(rt: Runtime, time: number, subtask: number, partition: number, offset: number, key: string): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, RECORD_READ);
  h = num(h, time); h = num(h, subtask); h = num(h, partition); h = num(h, offset); h = mixString(h, key);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'record-read', time, subtask, partition, offset, key });
}

// State names, ready to mix: operators update a few states, named in the job, record after record.
const STATE_NAMES_KEPT = 64;
const stateTexts = new Map<string, FixedText | null>();
let lastStateName = '';
let lastStateText: FixedText | null = fixedText('');

function mixStateName(h: number, name: string): number {
  if (name !== lastStateName) {
    let text = stateTexts.get(name);
    if (text === undefined) {
      if (stateTexts.size >= STATE_NAMES_KEPT) stateTexts.clear();
      let fits = true;
      for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0xff) fits = false;
      stateTexts.set(name, (text = fits ? fixedText(name) : null));
    }
    lastStateName = name;
    lastStateText = text;
  }
  return lastStateText === null ? mixString(h, name) : mixFixed(h, lastStateText);
}

export function traceStateUpdated(rt: Runtime, time: number, subtask: number, keyGroup: number, key: string, state: string, value: string): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, STATE_UPDATED);
  h = num(h, time); h = num(h, subtask); h = num(h, keyGroup); h = mixString(h, key); h = mixStateName(h, state); h = mixString(h, value);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'state-updated', time, subtask, keyGroup, key, state, value });
}

/** traceStateUpdated of a number value, whose text (String(value)) is built only for listeners. */
export function traceStateUpdatedNumber(rt: Runtime, time: number, subtask: number, keyGroup: number, key: string, state: string, value: number): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, STATE_UPDATED);
  h = num(h, time); h = num(h, subtask); h = num(h, keyGroup); h = mixString(h, key); h = mixStateName(h, state); h = mixNumberText(h, value);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'state-updated', time, subtask, keyGroup, key, state, value: String(value) });
}

export function traceSinkReceived(rt: Runtime, time: number, subtask: number, key: string, value: number): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, SINK_RECEIVED);
  h = num(h, time); h = num(h, subtask); h = mixString(h, key); h = num(h, value);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'sink-received', time, subtask, key, value });
}

/** A task turns back-pressured or free again (no checkpoint phase: no armed fault waits for it). */
export function traceBackpressure(rt: Runtime, time: number, subtask: number, on: boolean): void {
  const s = rt.state;
  let h = mixFixed(s.traceHash, BACKPRESSURE);
  h = num(h, time); h = num(h, subtask); h = mixInt(h, on ? 1 : 2);
  s.traceHash = h >>> 0;
  if (rt.listeners.length) rt.notify({ type: 'backpressure', time, subtask, on });
}
