import '@xyflow/react/dist/style.css';
import './graph.css';
import { Background, Panel, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { stableIdsOf, type PhysicalPlan } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun, useStoreApi, useView, useViewActions } from '../../store/react';
import { ChannelEdge } from './ChannelEdge';
import { JobManagerNode, StorageNode } from './CoordinatorNodes';
import { layoutPlan } from './layout';
import { OperatorNode } from './OperatorNode';
import { RecordsLayer } from './RecordsLayer';
import { JobChangeOverlay } from './JobChangeOverlay';
import { SubtaskNode } from './SubtaskNode';
import { useT } from '../../i18n/useT';
import { FIT_PADDING, GRAPH_ZOOM_EVENT, zoomDuration, zoomGraph, type GraphZoom } from './zoom';

// Defined at module scope: React Flow remounts every node when these objects change.
const nodeTypes = { subtask: SubtaskNode, operator: OperatorNode, jobmanager: JobManagerNode, storage: StorageNode };
const edgeTypes = { channel: ChannelEdge };

function partitionerLabel(plan: PhysicalPlan, opIndex: number): string {
  const inputs = plan.edges.filter((e) => e.to === opIndex).map((e) => (e.partitioner === 'hash' ? 'keyBy' : e.partitioner));
  return inputs.length ? `← ${[...new Set(inputs)].join(', ')}` : '';
}

/** Nodes and edges carry the stable ids (ids.ts): `op:count`, `count/1`, `map/0->count/1`. */
export function buildGraph(plan: PhysicalPlan): { nodes: Node[]; edges: Edge[] } {
  const layout = layoutPlan(plan);
  const ids = stableIdsOf(plan);
  const nodes: Node[] = [
    { id: 'jobmanager', type: 'jobmanager', position: { x: layout.jobManager.x, y: layout.jobManager.y }, data: {}, draggable: false, selectable: false, style: { width: layout.jobManager.width } },
    { id: 'storage', type: 'storage', position: { x: layout.storage.x, y: layout.storage.y }, data: {}, draggable: false, selectable: false, style: { width: layout.storage.width } },
  ];
  for (const op of plan.operators) {
    const box = layout.operators[op.index];
    nodes.push({
      id: ids.operators[op.index], type: 'operator', position: { x: box.x, y: box.y }, draggable: false, selectable: false,
      style: { width: box.width, height: box.height },
      data: { id: ids.operators[op.index], name: op.name, parallelism: op.parallelism, detail: partitionerLabel(plan, op.index) },
    });
    for (const sid of op.subtasks) {
      const b = layout.subtasks[sid];
      nodes.push({
        id: ids.subtasks[sid], type: 'subtask', parentId: ids.operators[op.index], extent: 'parent', position: { x: b.x, y: b.y },
        draggable: false, selectable: false, style: { width: b.width, height: b.height }, data: { subtask: sid, compact: layout.compact },
      });
    }
  }
  // the edge draws its own focusable element (ChannelEdge): React Flow's wrapper stays out of the tab order
  const edges: Edge[] = plan.channels.map((c) => ({ id: ids.channels[c.id], type: 'channel', source: ids.subtasks[c.from], target: ids.subtasks[c.to], data: { channel: c.id }, selectable: false, focusable: false, ariaRole: 'group', ariaLabel: ids.channels[c.id] }));
  return { nodes, edges };
}

function Graph({ plan, nodes, edges }: { plan: PhysicalPlan; nodes: Node[]; edges: Edge[] }) {
  const flow = useReactFlow();
  const { select } = useViewActions();
  const store = useStoreApi();
  // a new job (another scenario or lesson, a restore that changed its shape) fits its pane
  useEffect(() => {
    const t = setTimeout(() => flow.fitView({ padding: FIT_PADDING }), 50);
    return () => clearTimeout(t);
  }, [plan, flow]);
  // the graph fills its area again when the area changes size (window, side-panel splitter)
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(t);
      t = setTimeout(() => flow.fitView({ padding: FIT_PADDING }), 60);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(t);
    };
  }, [flow]);
  // the keys + - 0 (and the buttons below) zoom the graph
  useEffect(() => {
    const onZoom = (e: Event) => {
      const kind = (e as CustomEvent<GraphZoom>).detail;
      const duration = zoomDuration(150);
      if (kind === 'in') void flow.zoomIn({ duration });
      else if (kind === 'out') void flow.zoomOut({ duration });
      else if (kind === 'selected') {
        const sid = store.getState().view.selectedSubtask;
        const id = sid === null ? undefined : stableIdsOf(plan).subtasks[sid];
        if (id) void flow.fitView({ nodes: [{ id }], padding: 0.5, maxZoom: 2, duration: zoomDuration(250) });
      } else void flow.fitView({ padding: FIT_PADDING, duration });
    };
    window.addEventListener(GRAPH_ZOOM_EVENT, onZoom);
    return () => window.removeEventListener(GRAPH_ZOOM_EVENT, onZoom);
  }, [flow, plan, store]);
  return (
    <div ref={area} className="graph-fill">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ padding: FIT_PADDING }}
        onNodeClick={(_, node) => {
          if (node.type === 'subtask') select((node.data as { subtask: number }).subtask);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.2}
        maxZoom={2.5}
      >
        <Background gap={24} size={1} />
        <RecordsLayer />
        <JobChangeOverlay />
        <Panel position="bottom-right">
          <ZoomButtons />
        </Panel>
      </ReactFlow>
    </div>
  );
}

/** Zoom in, zoom out, fit: the keys + - 0 as buttons. */
function ZoomButtons() {
  const t = useT();
  const selected = useView((v) => v.selectedSubtask !== null);
  return (
    <div className="graph-zoom" role="group" aria-label={t('graph.zoomControls')} data-testid="graph-zoom">
      <button type="button" onClick={() => zoomGraph('in')} aria-label={t('graph.zoomIn')} aria-keyshortcuts="+" title={`${t('graph.zoomIn')} (+)`} data-testid="zoom-in">+</button>
      <button type="button" onClick={() => zoomGraph('out')} aria-label={t('graph.zoomOut')} aria-keyshortcuts="-" title={`${t('graph.zoomOut')} (-)`} data-testid="zoom-out">−</button>
      <button type="button" onClick={() => zoomGraph('fit')} aria-label={t('graph.fit')} aria-keyshortcuts="0" title={`${t('graph.fit')} (0)`} data-testid="zoom-fit">⤢</button>
      <button type="button" onClick={() => zoomGraph('selected')} disabled={!selected} aria-label={t('presenter.zoomSelected')} title={t('presenter.zoomSelected')} data-testid="zoom-selected">
        <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true"><circle r="5" fill="none" stroke="currentColor" strokeWidth="1.6" /><path d="M0 -8.5 V-3 M0 3 V8.5 M-8.5 0 H-3 M3 0 H8.5" stroke="currentColor" strokeWidth="1.6" /></svg>
      </button>
    </div>
  );
}

/** Stop-the-world checkpoints freeze the whole job: say so over the graph. */
function StoppedWorld() {
  // the engine changes its phase in place: select a copy of what is shown
  const stw = useRun((r) => {
    const w = r.sim.state.stopTheWorld;
    return w ? { checkpointId: w.checkpointId, phase: w.phase } : null;
  }, viewEqual);
  const t = useT();
  if (!stw) return null;
  return (
    <div className="world-stopped" data-testid="world-stopped" role="status">
      {t(stw.phase === 'draining' ? 'graph.stwDraining' : 'graph.stwSnapshot', { id: String(stw.checkpointId) })}
    </div>
  );
}

export function JobGraph() {
  const frozen = useRun((r) => r.sim.state.stopTheWorld !== null);
  const plan = useRun((r) => r.sim.state.plan);
  const { nodes, edges } = useMemo(() => buildGraph(plan), [plan]);
  // React Flow's store starts with the nodes: the first render draws the subtasks (given only to
  // <ReactFlow>, they reach its store from an effect, and the graph renders a second time to show them)
  return (
    <div className={`job-graph${frozen ? ' frozen' : ''}`} data-testid="job-graph">
      <ReactFlowProvider initialNodes={nodes} initialEdges={edges}>
        <Graph plan={plan} nodes={nodes} edges={edges} />
      </ReactFlowProvider>
      <StoppedWorld />
    </div>
  );
}
