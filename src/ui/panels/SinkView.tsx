import { recentWrites, sinkWritesView, type WrittenRecord } from '../../engine';
import { viewEqual } from '../../store/equality';
import { useRun } from '../../store/react';
import { keyColour } from '../graph/keyColours';
import { useT } from '../../i18n/useT';
import { rich } from '../../i18n/rich';
import { TransactionLanes } from './TransactionLanes';
import { useReadableRun } from '../controls/useReadable';
import './picture.css';

// What one sink subtask wrote, newest first, each write that repeats an earlier write of the same
// source record marked as a duplicate where it is written. A two-phase-commit sink shows what its two
// kinds of readers see side by side, and its transactions.

const SHOWN = 8;

function Writes({ sid, reader, heading }: { sid: number; reader: 'read_uncommitted' | 'read_committed'; heading: string }) {
  const writes = useReadableRun((r) => recentWrites(r.sim.state, sid, reader, SHOWN), viewEqual, `${sid}/${reader}`);
  const plan = useRun((r) => r.sim.state.plan);
  const t = useT();
  return (
    <div className="sink-reader" data-testid={`sink-reader-${reader}-${sid}`}>
      <h3>{heading}</h3>
      {writes.length === 0 ? <p className="panel-note">{t('picture.nothingYet')}</p> : (
        <ol className="sink-list sink-writes">
          {writes.map((w: WrittenRecord, i) => (
            <li key={i} className={w.duplicate ? 'dup' : undefined} data-dup={w.duplicate ? 'true' : undefined}>
              <span className="swatch" style={{ background: keyColour(w.key, plan) }} aria-hidden="true" />
              {w.key}={w.value}
              {w.duplicate && <span className="dup-tag" title={t('picture.duplicateTitle', { id: w.id })}>{t('picture.duplicate')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The last duplicates written, however far back: they stay in sight after the list of writes moved on. */
function DuplicateList({ sid }: { sid: number }) {
  const dups = useReadableRun((r) => recentWrites(r.sim.state, sid, 'read_uncommitted', SHOWN, true), viewEqual, sid);
  const plan = useRun((r) => r.sim.state.plan);
  const t = useT();
  if (dups.length === 0) return null;
  return (
    <ul className="dup-list" data-testid={`sink-dup-list-${sid}`}>
      {dups.map((w, i) => (
        <li key={i} title={t('picture.duplicateTitle', { id: w.id })}>
          <span className="swatch" style={{ background: keyColour(w.key, plan) }} aria-hidden="true" />{w.key}={w.value}
        </li>
      ))}
    </ul>
  );
}

export function SinkView({ sid }: { sid: number }) {
  // what a busy sink wrote changes with nearly every frame: read as often as a reader can follow
  const v = useReadableRun((r) => sinkWritesView(r.sim.state, sid), viewEqual, sid);
  const count = useReadableRun((r) => r.sim.state.subtasks[sid]?.sink?.count ?? 0, Object.is, sid);
  const t = useT();
  if (!v) return null;
  const twoPhase = v.kind === 'two-phase-commit';
  return (
    <>
      <p className="panel-note">{rich(t, 'state.sinkNote', { committed: v.committed }, { kind: <strong>{v.kind}</strong>, count: <span data-testid={`sink-count-${sid}`}>{count}</span> })}</p>
      <p className={`panel-note sink-dups${v.committedDuplicates ? ' has-dups' : ''}`} data-testid={`sink-duplicates-${sid}`} data-written={v.writtenDuplicates} data-committed={v.committedDuplicates}>
        {v.writtenDuplicates === 0 ? t('picture.noDup')
          : twoPhase ? t('picture.dupSummaryTxn', { written: v.writtenDuplicates, committed: v.committedDuplicates })
            : t('picture.dupSummary', { n: v.writtenDuplicates })}
      </p>
      <DuplicateList sid={sid} />
      {twoPhase ? (
        <>
          <div className="sink-readers">
            <Writes sid={sid} reader="read_uncommitted" heading={t('picture.readUncommitted')} />
            <Writes sid={sid} reader="read_committed" heading={t('picture.readCommitted')} />
          </div>
          <TransactionLanes sid={sid} />
        </>
      ) : <Writes sid={sid} reader="read_uncommitted" heading={t('picture.written')} />}
    </>
  );
}
