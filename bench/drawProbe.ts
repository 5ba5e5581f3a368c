import { builtinScenario, Simulation, stableIdsOf, type PhysicalPlan } from '../src/engine';
import { layoutPlan } from '../src/ui/graph/layout';
import { drawFrame } from '../src/ui/graph/RecordsLayer';

// `node --import tsx bench/drawProbe.ts [frames]`: the records canvas's script alone, in Node, on
// the page bench's `wide` variant (about 6,000 records in flight): the engine advances a 60 Hz
// frame, then drawFrame draws it into a pixel buffer whose put goes nowhere. CPU ms per frame,
// without Chromium's own work or another process's noise: for weighing a change to the drawing.

// DotRaster wraps its pixels in an ImageData to put them; Node has none
(globalThis as { ImageData?: unknown }).ImageData ??= class { constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {} };

/** React Flow's node lookup as drawFrame reads it: each subtask's box where the page lays it out. */
function lookupOf(plan: PhysicalPlan) {
  const layout = layoutPlan(plan);
  const ids = stableIdsOf(plan);
  const box = (x: number, y: number, width: number, height: number) => ({ internals: { positionAbsolute: { x, y } }, measured: { width, height } });
  const lookup = new Map(plan.subtasks.map((s, i) => {
    const op = layout.operators[s.operator];
    const b = layout.subtasks[i];
    return [ids.subtasks[i], box(op.x + b.x, op.y + b.y, b.width, b.height)] as const;
  }));
  const { jobManager: jm, storage: st } = layout;
  return lookup.set('jobmanager', box(jm.x, jm.y, jm.width, jm.height)).set('storage', box(st.x, st.y, st.width, st.height));
}

const FRAME_MS = 1000 / 60;
const frames = Number(process.argv[2] ?? 300);
const sim = Simulation.create(builtinScenario('wide')!, { conf: { 'sim.channel.latency': '6000 ms', 'sim.channel.capacity': '512' } });
sim.runUntil(20_000);
const lookup = lookupOf(sim.state.plan) as unknown as Parameters<typeof drawFrame>[3];
const noop = () => {};
const ctx = { canvas: { width: 1070, height: 760 }, save: noop, restore: noop, translate: noop, scale: noop, setTransform: noop, clearRect: noop, putImageData: noop, beginPath: noop, moveTo: noop, lineTo: noop, fill: noop, fillText: noop, fillRect: noop, strokeRect: noop, stroke: noop } as unknown as CanvasRenderingContext2D;
let t = sim.now;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function round(draw: boolean): { ms: number; records: number } {
  const start = cpuMs();
  let records = 0;
  for (let i = 0; i < frames; i++) {
    sim.runUntil((t += FRAME_MS));
    if (draw) records += drawFrame(ctx, sim.state, t, lookup, [0, 0, 0.62], { dot: 9, snap: false }, 1);
  }
  return { ms: (cpuMs() - start) / frames, records: records / frames };
}

round(true); // warm-up
for (let k = 0; k < 3; k++) {
  const drawn = round(true);
  const engine = round(false);
  console.log(`drawFrame ${(drawn.ms - engine.ms).toFixed(2)} ms per frame (engine and drawing ${drawn.ms.toFixed(2)}, engine alone ${engine.ms.toFixed(2)}), ${drawn.records.toFixed(0)} records`);
}
