import { useStoreApi as useFlowStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { channelMessages, rpcMessages, stableIdsOf, type SimState } from '../../engine';
import { runOf, useRunId, useStoreApi } from '../../store/react';
import { pointOnChannel, progress, type Point } from './geometry';
import { checkpointColour, keyColour } from './keyColours';

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

export function drawFrame(ctx: CanvasRenderingContext2D, state: SimState, displayTime: number, lookup: Lookup, transform: [number, number, number]): number {
  const [tx, ty, zoom] = transform;
  ctx.save();
  ctx.translate(tx, ty);
  ctx.scale(zoom, zoom);
  let drawn = 0;
  const ids = stableIdsOf(state.plan);
  for (const pc of state.plan.channels) {
    const s = anchor(lookup, ids.subtasks[pc.from], 'right');
    const t = anchor(lookup, ids.subtasks[pc.to], 'left');
    if (!s || !t) continue;
    let piled = 0;
    for (const m of channelMessages(state, pc.id, displayTime)) {
      if (m.kind !== 'record') continue;
      ctx.fillStyle = keyColour(m.key, state.plan);
      let p: Point | null = null;
      if (m.waitingAhead < 0) {
        p = pointOnChannel(s, t, progress(m.sentAt, m.deliverAt, displayTime));
        ctx.beginPath();
        ctx.arc(p.x, p.y, 4.5, 0, Math.PI * 2);
        ctx.fill();
      } else if (piled < PILE) {
        // arrived, waiting to be read: a pile at the consumer's end of the edge
        p = pointOnChannel(s, t, Math.max(0.4, 0.95 - piled * 0.045));
        ctx.fillRect(p.x - 4, p.y - 4, 8, 8);
        piled++;
      }
      if (p && m.persisted) {
        ctx.strokeStyle = '#111827';
        ctx.lineWidth = 2;
        ctx.strokeRect(p.x - 6.5, p.y - 6.5, 13, 13);
      }
      drawn++;
    }
  }
  const jm = anchor(lookup, 'jobmanager', 'bottom');
  const storage = anchor(lookup, 'storage', 'bottom');
  for (const m of rpcMessages(state, displayTime)) {
    const at = anchor(lookup, ids.subtasks[m.subtask], 'top');
    if (!at) continue;
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

export function RecordsLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rf = useFlowStoreApi();
  const store = useStoreApi();
  const runId = useRunId();
  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d')!;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const parent = canvas.parentElement!;
      const dpr = window.devicePixelRatio || 1;
      const w = parent.clientWidth;
      const h = parent.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        canvas.style.width = `${w}px`;
        canvas.style.height = `${h}px`;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const { nodeLookup, transform } = rf.getState();
      const app = store.getState();
      const n = drawFrame(ctx, runOf(app, runId).sim.state, app.clock.displayTime, nodeLookup, transform);
      canvas.dataset.records = String(n);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const unsubscribeSim = store.subscribe(schedule);
    const unsubscribeFlow = rf.subscribe(schedule);
    const resize = new ResizeObserver(schedule);
    resize.observe(canvas.parentElement!);
    schedule();
    return () => {
      unsubscribeSim();
      unsubscribeFlow();
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [rf, store, runId]);
  return <canvas ref={canvasRef} className="records-layer" data-testid="records-layer" aria-hidden="true" />;
}
