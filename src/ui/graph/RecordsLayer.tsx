import { useStoreApi as useFlowStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { rpcMessages, stableIdsOf, visitChannelRecords, type PhysicalPlan, type SimState } from '../../engine';
import { runOf, useRunId, useStoreApi } from '../../store/react';
import { channelControlPoints, progress, type Point } from './geometry';
import { checkpointColour, keyColour } from './keyColours';
import { drawRecordMarks, PLAIN_STYLE, recordPicture, recordStyle } from './recordStyle';
import { DotRaster, rgbOf, type Rgb } from './dotRaster';

// One canvas over the graph draws everything that moves in numbers: records on channels, the
// JobManager's trigger and notification messages, acknowledgements flying back, and snapshot
// uploads to checkpoint storage. Canvas, not SVG: the wide scenario has over a thousand records
// in flight, which SVG cannot move at 60 frames a second here (see shared/TOOLCHAIN.md). What
// moves, and when it left and arrives, comes from the engine's messages view.

type Lookup = ReturnType<ReturnType<typeof useFlowStoreApi>['getState']>['nodeLookup'];

/** arrived records piled at a consumer's end of an edge: at most this many are drawn */
const PILE = 12;

function anchor(lookup: Lookup, id: string, side: 'left' | 'right' | 'top' | 'bottom'): Point | null {
  const n = lookup.get(id);
  if (!n) return null;
  const { x, y } = n.internals.positionAbsolute;
  const w = n.measured.width ?? 0;
  const h = n.measured.height ?? 0;
  switch (side) {
    case 'left': return { x, y: y + h / 2 };
    case 'right': return { x: x + w, y: y + h / 2 };
    case 'top': return { x: x + w / 2, y };
    case 'bottom': return { x: x + w / 2, y: y + h };
  }
}

const lerp = (a: Point, b: Point, f: number): Point => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });

const RPC_COLOURS = { 'notify-complete': '#1b7f3a', 'notify-aborted': '#a33', decline: '#a33' } as const;

/** How a frame draws records: dot size in graph units, and whether they snap rather than glide. */
export interface RecordLook {
  /** a travelling record's dot diameter in graph units (presenter mode: larger) */
  dot: number;
  /** reduced motion: a travelling dot sits at one of a few places along its edge, no gliding */
  snap: boolean;
}

export const DEFAULT_LOOK: RecordLook = { dot: 9, snap: false };
/** places a snapping dot can sit at along its edge */
const SNAP_STEPS = 4;

/** Dots of one colour, as x, y pairs in graph units, reused frame after frame (a frame draws thousands). */
class Buckets {
  private byColour = new Map<string, number[]>();
  /** The list of `colour`'s dots: colours are drawn in the order they first came. */
  of(colour: string): number[] {
    let b = this.byColour.get(colour);
    if (!b) this.byColour.set(colour, (b = []));
    return b;
  }
  /** Each colour's dots in the order the colours came, then empties them for the next frame. */
  drain(draw: (colour: Rgb, xy: number[]) => void): void {
    for (const [colour, b] of this.byColour) {
      if (!b.length) continue;
      draw(rgbOf(colour), b);
      b.length = 0;
    }
  }
}

const travelling = new Buckets();
const piled = new Buckets();
/** each canvas's records as pixels: one buffer, put on the canvas once a frame (dotRaster.ts) */
const rasters = new WeakMap<CanvasRenderingContext2D, DotRaster>();
/** records with marks around them (channel state, after-barrier, duplicate): x, y, seq, persisted */
const marked: number[] = [];
/** the canvases whose last frame drew strokes of their own (marks, messages) besides the raster's dots */
const stroked = new WeakSet<CanvasRenderingContext2D>();

/** a key's dot lists, found once per key rather than by its colour for every record */
interface KeyDots { travelling: number[]; piled: number[] }
const keysOf = new WeakMap<PhysicalPlan, Map<string, KeyDots>>();
/** The plan's keys' dot lists: looked up once a frame, then per key. */
function keyDotsOf(plan: PhysicalPlan): Map<string, KeyDots> {
  let m = keysOf.get(plan);
  if (!m) keysOf.set(plan, (m = new Map()));
  return m;
}
function keyDots(plan: PhysicalPlan, keys: Map<string, KeyDots>, key: string): KeyDots {
  let k = keys.get(key);
  if (!k) {
    const colour = keyColour(key, plan);
    keys.set(key, (k = { travelling: travelling.of(colour), piled: piled.of(colour) }));
  }
  return k;
}

/**
 * Draws one frame over the last one drawn on the canvas (or on a cleared canvas), its context
 * scaled by `dpr` (device pixels per CSS pixel); returns how many records are on the channels drawn.
 * Most frames only change the region the dots cover (DotRaster.put): the canvas is cleared whole
 * only after a frame that drew marks or messages.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, state: SimState, displayTime: number, lookup: Lookup, transform: [number, number, number], look: RecordLook = DEFAULT_LOOK, dpr = 1): number {
  const [tx, ty, zoom] = transform;
  if (stroked.has(ctx)) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    stroked.delete(ctx);
  }
  ctx.save();
  ctx.translate(tx, ty);
  ctx.scale(zoom, zoom);
  let drawn = 0;
  const ids = stableIdsOf(state.plan);
  const picture = recordPicture(state);
  const keys = keyDotsOf(state.plan);
  const r = look.dot / 2;
  const half = Math.max(4, r - 0.5);
  for (const pc of state.plan.channels) {
    const s = anchor(lookup, ids.subtasks[pc.from], 'right');
    const t = anchor(lookup, ids.subtasks[pc.to], 'left');
    if (!s || !t) continue;
    // the channel's Bézier (geometry.ts), its control points once per channel
    const [c1, c2] = channelControlPoints(s, t);
    // whether any record on it may carry a mark besides channel state (most channels: none)
    const styled = picture.afterBarrier.has(pc.id) || picture.duplicates.has(pc.id);
    let pile = 0;
    visitChannelRecords(state, pc.id, displayTime, (key, sentAt, deliverAt, waitingAhead, persisted, seq) => {
      const dots = keys.get(key) ?? keyDots(state.plan, keys, key);
      let f: number;
      let list: number[];
      if (waitingAhead < 0) {
        f = progress(sentAt, deliverAt, displayTime);
        if (look.snap) f = Math.floor(f * SNAP_STEPS) / SNAP_STEPS;
        list = dots.travelling;
      } else if (pile < PILE) {
        // arrived, waiting to be read: a pile at the consumer's end of the edge
        f = Math.max(0.4, 0.95 - pile * 0.045);
        pile++;
        list = dots.piled;
      } else {
        drawn++;
        return;
      }
      const u = 1 - f;
      const a = u * u * u, b = 3 * u * u * f, c = 3 * u * f * f, d = f * f * f;
      const x = a * s.x + b * c1.x + c * c2.x + d * t.x;
      const y = a * s.y + b * c1.y + c * c2.y + d * t.y;
      list.push(x, y);
      if (persisted || (styled && recordStyle(picture, pc.id, seq) !== PLAIN_STYLE)) marked.push(x, y, seq, persisted ? 1 : 0, pc.id);
      drawn++;
    });
  }
  // the dots and piles, in graph units, to the canvas's pixels: written into one buffer, put at once
  const k = zoom * dpr;
  const ox = tx * dpr;
  const oy = ty * dpr;
  let raster = rasters.get(ctx);
  if (!raster) rasters.set(ctx, (raster = new DotRaster()));
  raster.resize(ctx.canvas.width, ctx.canvas.height);
  raster.clear();
  travelling.drain((colour, xy) => {
    for (let i = 0; i < xy.length; i += 2) raster!.disc(xy[i] * k + ox, xy[i + 1] * k + oy, r * k, colour);
  });
  piled.drain((colour, xy) => {
    for (let i = 0; i < xy.length; i += 2) raster!.rect((xy[i] - half) * k + ox, (xy[i + 1] - half) * k + oy, (xy[i] + half) * k + ox, (xy[i + 1] + half) * k + oy, colour);
  });
  raster.put(ctx);
  if (marked.length) stroked.add(ctx);
  for (let i = 0; i < marked.length; i += 5) {
    const [x, y, seq, persisted, channel] = [marked[i], marked[i + 1], marked[i + 2], marked[i + 3], marked[i + 4]];
    drawRecordMarks(ctx, x, y, recordStyle(picture, channel, seq));
    if (persisted) {
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 2;
      ctx.strokeRect(x - half - 2.5, y - half - 2.5, half * 2 + 5, half * 2 + 5);
    }
  }
  marked.length = 0;
  const jm = anchor(lookup, 'jobmanager', 'bottom');
  const storage = anchor(lookup, 'storage', 'bottom');
  for (const m of rpcMessages(state, displayTime)) {
    const at = anchor(lookup, ids.subtasks[m.subtask], 'top');
    if (!at) continue;
    stroked.add(ctx);
    const f = progress(m.sentAt, m.deliverAt, displayTime);
    if (m.kind === 'trigger' || m.kind === 'notify-complete' || m.kind === 'notify-aborted') {
      if (!jm) continue;
      const p = lerp(jm, at, f);
      ctx.fillStyle = m.kind === 'trigger' ? checkpointColour(m.checkpointId) : RPC_COLOURS[m.kind];
      ctx.beginPath();
      ctx.moveTo(p.x, p.y - 6);
      ctx.lineTo(p.x + 6, p.y);
      ctx.lineTo(p.x, p.y + 6);
      ctx.lineTo(p.x - 6, p.y);
      ctx.fill();
    } else if (m.kind === 'ack' || m.kind === 'decline') {
      if (!jm) continue;
      const p = lerp(at, jm, f);
      ctx.fillStyle = m.kind === 'ack' ? checkpointColour(m.checkpointId) : RPC_COLOURS.decline;
      ctx.font = 'bold 13px system-ui, sans-serif';
      ctx.fillText(m.kind === 'ack' ? '✓' : '✕', p.x - 4, p.y + 4);
    } else if (m.kind === 'upload' && storage) {
      const p = lerp(at, storage, f);
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = checkpointColour(m.checkpointId);
      ctx.lineWidth = 1.5;
      ctx.fillRect(p.x - 5, p.y - 7, 10, 14);
      ctx.strokeRect(p.x - 5, p.y - 7, 10, 14);
    }
  }
  ctx.restore();
  return drawn;
}

/**
 * The dot size from the canvas's CSS (`--record-dot`, a diameter in graph units, which presenter
 * mode may raise), else 9, and 12 in presenter mode (at least 10 px on screen at zoom 1); reduced motion snaps.
 */
function recordLook(canvas: HTMLCanvasElement, presenter: boolean, reducedMotion: boolean): RecordLook {
  const fromCss = parseFloat(getComputedStyle(canvas).getPropertyValue('--record-dot'));
  const dot = Number.isFinite(fromCss) && fromCss > 0 ? Math.min(fromCss, 40) : presenter ? 12 : DEFAULT_LOOK.dot;
  return { dot: presenter ? Math.max(dot, 12) : dot, snap: reducedMotion };
}

export function RecordsLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rf = useFlowStoreApi();
  const store = useStoreApi();
  const runId = useRunId();
  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d')!;
    const parent = canvas.parentElement!;
    let frame = 0;
    // sizes from the observer, not read per frame: reading layout after React's updates forces it
    let w = parent.clientWidth;
    let h = parent.clientHeight;
    const motion = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    let lookFor: boolean | null = null;
    let look = DEFAULT_LOOK;
    const draw = () => {
      frame = 0;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        canvas.style.width = `${w}px`;
        canvas.style.height = `${h}px`;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const { nodeLookup, transform } = rf.getState();
      const app = store.getState();
      if (lookFor !== app.view.presenter) {
        lookFor = app.view.presenter;
        look = recordLook(canvas, lookFor, motion?.matches ?? false);
      }
      const n = drawFrame(ctx, runOf(app, runId).sim.state, app.clock.displayTime, nodeLookup, transform, look, dpr);
      canvas.dataset.records = String(n);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const restyle = () => {
      lookFor = null;
      schedule();
    };
    const unsubscribeSim = store.subscribe(schedule);
    const unsubscribeFlow = rf.subscribe(schedule);
    const resize = new ResizeObserver(() => {
      w = parent.clientWidth;
      h = parent.clientHeight;
      restyle();
    });
    resize.observe(parent);
    motion?.addEventListener('change', restyle);
    schedule();
    return () => {
      unsubscribeSim();
      unsubscribeFlow();
      resize.disconnect();
      motion?.removeEventListener('change', restyle);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [rf, store, runId]);
  return <canvas ref={canvasRef} className="records-layer" data-testid="records-layer" aria-hidden="true" />;
}
