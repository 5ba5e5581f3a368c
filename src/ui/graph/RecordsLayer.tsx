import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { checkpointSettingsOf, type SimState } from '../../engine';
import { useSimStoreApi } from '../../store/react';
import { pointOnChannel, progress, type Point } from './geometry';
import { checkpointColour, keyColour } from './keyColours';

// One canvas over the graph draws everything that moves in numbers: records on channels, the
// JobManager's trigger and notification messages, acknowledgements flying back, and snapshot
// uploads to checkpoint storage. Canvas, not SVG: the wide scenario has over a thousand records
// in flight, which SVG cannot move at 60 frames a second here (see shared/TOOLCHAIN.md).

type Lookup = ReturnType<ReturnType<typeof useStoreApi>['getState']>['nodeLookup'];

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

export function drawFrame(ctx: CanvasRenderingContext2D, state: SimState, displayTime: number, lookup: Lookup, transform: [number, number, number]): number {
  const [tx, ty, zoom] = transform;
  ctx.save();
  ctx.translate(tx, ty);
  ctx.scale(zoom, zoom);
  let drawn = 0;
  const plan = state.plan;
  for (const pc of plan.channels) {
    const s = anchor(lookup, `st-${pc.from}`, 'right');
    const t = anchor(lookup, `st-${pc.to}`, 'left');
    if (!s || !t) continue;
    const ch = state.channels[pc.id];
    // Unaligned: records sent before a barrier that overtook them belong to that checkpoint's channel state.
    let persistedBelow = -1;
    for (const b of ch.priority) if (b.kind === 'barrier' && b.unaligned && displayTime >= b.sentAt) persistedBelow = Math.max(persistedBelow, b.seq);
    let waiting = 0;
    for (let i = ch.head; i < ch.items.length; i++) {
      const it = ch.items[i];
      if (it.kind !== 'record' || displayTime < it.sentAt) continue;
      const f = progress(it.sentAt, it.deliverAt, displayTime);
      ctx.fillStyle = keyColour(it.rec.key);
      let p: Point | null = null;
      if (f < 1) {
        p = pointOnChannel(s, t, f);
        ctx.beginPath();
        ctx.arc(p.x, p.y, 4.5, 0, Math.PI * 2);
        ctx.fill();
      } else if (waiting < 12) {
        // arrived, waiting to be read: a pile at the consumer's end of the edge
        p = pointOnChannel(s, t, Math.max(0.4, 0.95 - waiting * 0.045));
        ctx.fillRect(p.x - 4, p.y - 4, 8, 8);
        waiting++;
      }
      if (p && it.seq < persistedBelow) {
        ctx.strokeStyle = '#111827';
        ctx.lineWidth = 2;
        ctx.strokeRect(p.x - 6.5, p.y - 6.5, 13, 13);
      }
      drawn++;
    }
  }
  const rpc = checkpointSettingsOf(state).rpcLatencyMs;
  const jm = anchor(lookup, 'jobmanager', 'bottom');
  const storage = anchor(lookup, 'storage', 'bottom');
  for (const q of state.queue) {
    const ev = q.event;
    if (ev.kind === 'mail' && jm) {
      const to = anchor(lookup, `st-${ev.subtask}`, 'top');
      if (!to) continue;
      const f = progress(q.time - rpc, q.time, displayTime);
      if (f <= 0 || f >= 1) continue;
      const p = lerp(jm, to, f);
      ctx.fillStyle = ev.mail.kind === 'trigger-checkpoint' ? checkpointColour(ev.mail.checkpointId) : ev.mail.kind === 'notify-complete' ? '#1b7f3a' : '#a33';
      ctx.beginPath();
      ctx.moveTo(p.x, p.y - 6);
      ctx.lineTo(p.x + 6, p.y);
      ctx.lineTo(p.x, p.y + 6);
      ctx.lineTo(p.x - 6, p.y);
      ctx.fill();
    } else if (ev.kind === 'cp-ack' && jm) {
      const from = anchor(lookup, `st-${ev.ack.subtask}`, 'top');
      if (!from) continue;
      const f = progress(q.time - rpc, q.time, displayTime);
      if (f <= 0 || f >= 1) continue;
      const p = lerp(from, jm, f);
      ctx.fillStyle = checkpointColour(ev.checkpointId);
      ctx.font = 'bold 13px system-ui, sans-serif';
      ctx.fillText('✓', p.x - 4, p.y + 4);
    } else if (ev.kind === 'snapshot-uploaded' && storage) {
      const st = state.subtasks[ev.subtask];
      const snap = st.snapshots.find((x) => x.checkpointId === ev.checkpointId);
      const from = anchor(lookup, `st-${ev.subtask}`, 'top');
      if (!snap || !from) continue;
      const f = progress(snap.syncEndsAt, q.time, displayTime);
      if (f <= 0 || f >= 1) continue;
      const p = lerp(from, storage, f);
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = checkpointColour(ev.checkpointId);
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
  const rf = useStoreApi();
  const sim = useSimStoreApi();
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
      const { sim: simulation, displayTime } = sim.getState();
      const n = drawFrame(ctx, simulation.state, displayTime, nodeLookup, transform);
      canvas.dataset.records = String(n);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const unsubscribeSim = sim.subscribe(schedule);
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
  }, [rf, sim]);
  return <canvas ref={canvasRef} className="records-layer" data-testid="records-layer" aria-hidden="true" />;
}
