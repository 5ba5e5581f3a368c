import { motion, useReducedMotion } from 'motion/react';
import { useEffect, useState } from 'react';
import type { PhysicalPlan } from '../../engine';
import { useRun } from '../../store/react';
import { useT } from '../../i18n/useT';

// After a restore with another parallelism: every key group with state travels from the old
// subtask that held it to the new subtask whose key-group range holds it, coloured by key group;
// source partitions move to their new readers.

interface Cell { id: string; label: string; hue: number }

function keyedRows(plan: PhysicalPlan, opId: string, groupsWithState: number[]): { name: string; cells: Cell[] }[] {
  const op = plan.operators.find((o) => o.id === opId)!;
  return op.subtasks.map((sid) => {
    const [lo, hi] = plan.subtasks[sid].keyGroupRange!;
    return { name: plan.subtasks[sid].name, cells: groupsWithState.filter((g) => g >= lo && g <= hi).map((g) => ({ id: `kg-${opId}-${g}`, label: String(g), hue: (g * 47) % 360 })) };
  });
}

function sourceRows(plan: PhysicalPlan, opId: string, owners: Map<number, number>): { name: string; cells: Cell[] }[] {
  const op = plan.operators.find((o) => o.id === opId)!;
  return op.subtasks.map((sid, i) => ({
    name: plan.subtasks[sid].name,
    cells: [...owners].filter(([, owner]) => owner === i).map(([p]) => ({ id: `p-${opId}-${p}`, label: `p${p}`, hue: (p * 83) % 360 })),
  }));
}

export function RescaleView() {
  const rescale = useRun((r) => r.rescale);
  const after = useRun((r) => r.sim.state);
  const reduced = useReducedMotion();
  const [showAfter, setShowAfter] = useState(false);
  const t = useT();
  useEffect(() => {
    setShowAfter(false);
    const t = setTimeout(() => setShowAfter(true), reduced ? 0 : 900);
    return () => clearTimeout(t);
  }, [rescale, reduced]);
  if (!rescale) return null;
  const plan = showAfter ? rescale.after : rescale.before;
  const sections = rescale.after.operators.filter((o) => o.keyed || o.kind === 'source').map((op) => {
    if (op.keyed) {
      const groups = new Set<number>();
      const snap = after.restores.length ? after.coordinator.retained[0] : null;
      for (const s of Object.values(snap?.subtasks ?? {})) for (const g of s.keyed.keys()) groups.add(g);
      return { op, rows: keyedRows(plan, op.id, [...groups].sort((a, b) => a - b)) };
    }
    const owners = new Map<number, number>();
    const st = showAfter ? after : rescale.beforeState;
    const p = plan.operators.find((o) => o.id === op.id)!;
    p.subtasks.forEach((sid, i) => st.subtasks[sid]?.source?.partitions.forEach((part) => owners.set(part, i)));
    return { op, rows: sourceRows(plan, op.id, owners) };
  });
  return (
    <div className="rescale" data-testid="rescale-view">
      <p className="panel-note"><strong>{t(showAfter ? 'rescale.after' : 'rescale.before', { id: String(rescale.snapshotId) })}</strong>{t('rescale.note')}</p>
      {sections.map(({ op, rows }) => (
        <div key={op.id} className="rescale-op">
          <div className="rescale-title">{op.name}</div>
          {rows.map((r) => (
            <div key={r.name} className="rescale-row">
              <span className="rescale-name">{r.name}</span>
              <div className="rescale-cells">
                {r.cells.map((c) => (
                  <motion.span key={c.id} layoutId={c.id} layout transition={{ duration: reduced ? 0 : 0.9 }} className="rescale-cell" style={{ background: `hsl(${c.hue} 65% 45%)` }} title={t(c.id.startsWith('kg') ? 'rescale.keyGroup' : 'rescale.partition', { label: c.label })}>{c.label}</motion.span>
                ))}
              </div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
