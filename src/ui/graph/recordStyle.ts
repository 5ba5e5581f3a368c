import { afterBarrierChannels, writtenAlready, type SimState } from '../../engine';

// What a record dot says besides its key: whether its task will read it after the channel's
// barrier but before its snapshot (at-least-once: it slips into the checkpoint), and whether the
// sink it travels to has written it already (a replay after a restore: a duplicate). Worked out once
// per frame for the whole graph (recordPicture), then asked per dot (recordStyle); both pure.

export interface RecordPicture {
  /** channel -> the checkpoint whose barrier its records now follow, before the snapshot */
  afterBarrier: Map<number, number>;
  /** channel -> seqs of the records on it that their sink has written already */
  duplicates: Map<number, Set<number>>;
}

export interface RecordStyle {
  /** ring in the after-barrier tint, labelled with the checkpoint it slips into; null if none */
  afterBarrier: number | null;
  /** ring in the duplicate colour */
  duplicate: boolean;
}

// the tracking badge's colour (--c-track): at-least-once, the task only tracks barriers
export const AFTER_BARRIER_TINT = '#0e7490';
const AFTER_BARRIER_WASH = 'rgba(14, 116, 144, 0.35)';
export const DUPLICATE_COLOUR = '#dc2626';

/** the style of a record with no marks: recordStyle gives this very object for every such record */
export const PLAIN_STYLE: RecordStyle = { afterBarrier: null, duplicate: false };
const PLAIN = PLAIN_STYLE;

/** Once per frame: what the records on the channels say. */
export function recordPicture(state: SimState): RecordPicture {
  const duplicates = new Map<number, Set<number>>();
  for (const pc of state.plan.channels) {
    // nothing written yet (or a sink that keeps nothing, like the benchmark's): nothing to repeat
    if (!state.subtasks[pc.to]?.sink?.received.length) continue;
    const written = writtenAlready(state, pc.to);
    if (!written) continue;
    const ch = state.channels[pc.id];
    for (let i = ch.head; i < ch.items.length; i++) {
      const it = ch.items[i];
      if (it.kind !== 'record' || !written(it.rec)) continue;
      let seqs = duplicates.get(pc.id);
      if (!seqs) duplicates.set(pc.id, (seqs = new Set()));
      seqs.add(it.seq);
    }
  }
  return { afterBarrier: afterBarrierChannels(state), duplicates };
}

/** The marks of the record `seq` on `channel`. */
export function recordStyle(picture: RecordPicture, channel: number, seq: number): RecordStyle {
  const afterBarrier = picture.afterBarrier.get(channel) ?? null;
  const duplicate = picture.duplicates.get(channel)?.has(seq) ?? false;
  return afterBarrier === null && !duplicate ? PLAIN : { afterBarrier, duplicate };
}

/** Draws a record's marks around the dot or square at (x, y); nothing for a plain record. */
export function drawRecordMarks(ctx: CanvasRenderingContext2D, x: number, y: number, style: RecordStyle): void {
  if (style === PLAIN || (style.afterBarrier === null && !style.duplicate)) return;
  if (style.afterBarrier !== null) {
    ctx.strokeStyle = AFTER_BARRIER_TINT;
    ctx.fillStyle = AFTER_BARRIER_WASH;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(x, y, 7.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  if (style.duplicate) {
    // a ring only: records pile up close together at the sink, where labels would overlap
    ctx.strokeStyle = DUPLICATE_COLOUR;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(x, y, style.afterBarrier !== null ? 10.5 : 7.5, 0, Math.PI * 2);
    ctx.stroke();
  }
}
