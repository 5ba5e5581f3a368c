import { afterBarrierInCheckpoint, checkpointSettingsOf } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { keyColour } from '../graph/keyColours';
import { useT } from '../../i18n/useT';
import { rich } from '../../i18n/rich';
import './picture.css';

// At-least-once, what went into a checkpoint after its barrier: records a task read after their
// channel's barrier but before its snapshot. Their effect is in the checkpoint while their source
// offsets are not, so a restore counts them again. The engine finds them by replaying the
// checkpoint's stretch of the run; only done while the run checkpoints at-least-once.

/** Per subtask of checkpoint `checkpointId`: [key, records read after the barrier]; null when there is nothing to show. */
export function useAfterBarrier(checkpointId: number | null): { subtasks: [number, [string, number][]][]; total: number; complete: boolean } | null {
  return useRun((r) => {
    if (checkpointId === null || checkpointSettingsOf(r.sim.state).mode !== 'AT_LEAST_ONCE') return null;
    const found = afterBarrierInCheckpoint(r.recorder, r.sim.state, checkpointId);
    if (!found) return null;
    const subtasks = [...found.subtasks].sort((a, b) => a[0] - b[0]).map(([sid, keys]) => [sid, [...keys].sort((a, b) => a[0].localeCompare(b[0]))] as [number, [string, number][]]);
    return { subtasks, total: found.total, complete: found.complete };
  }, viewEqual);
}

/** The keys of subtask `sid` whose value in checkpoint `checkpointId` holds records read after the barrier. */
export function useAfterBarrierKeys(sid: number, checkpointId: number | null): Map<string, number> {
  const found = useAfterBarrier(checkpointId);
  return new Map(found?.subtasks.find(([s]) => s === sid)?.[1] ?? []);
}

export function AfterBarrierNote({ checkpointId }: { checkpointId: number }) {
  const found = useAfterBarrier(checkpointId);
  const plan = useRun((r) => r.sim.state.plan);
  const t = useT();
  if (!found) return null;
  const id = String(checkpointId);
  return (
    <div className="panel-note after-barrier-note" data-testid={`after-barrier-${checkpointId}`} data-records={found.total}>
      <p>{found.total ? t('picture.afterBarrierNote', { n: found.total, id }) : t('picture.afterBarrierNone', { id })}</p>
      {found.subtasks.map(([sid, keys]) => (
        <p key={sid} className="after-barrier">
          {rich(t, 'picture.afterBarrierKeys', { name: plan.subtasks[sid]?.name ?? String(sid) }, {
            list: keys.map(([k, n]) => (
              <span key={k} className="after-barrier-count" title={t('picture.afterBarrierTitle', { id })}>
                <span className="swatch" style={{ background: keyColour(k, plan) }} aria-hidden="true" /> {k} ×{n}
              </span>
            )),
          })}
        </p>
      ))}
      {!found.complete && <p>{t('picture.afterBarrierShort')}</p>}
    </div>
  );
}
