import { branchRows, type BranchTree as Tree } from '../../store/branches';
import { useAppStore } from '../../store/react';
import type { RunId } from '../../store/appState';
import { formatSimTime } from '../format';
import { useT } from '../../i18n/useT';

// Each run's branches as a small tree under the timeline: each branch a row, indented under the
// one it left, with a line from where it left to how far it went on the timeline's scale. A row
// switches its run to that branch; "Open beside" opens a branch of run A as run B. With two runs
// compared, each has its tree, named after its run.

function RunBranchTree({ id, tree, comparing }: { id: RunId; tree: Tree; comparing: boolean }) {
  const liveHead = useAppStore((s) => s.runs[id]?.headTime ?? 0);
  const busy = useAppStore((s) => s.busy !== null);
  const { switchTo, openBeside } = useAppStore((s) => s.branchActions);
  const t = useT();
  const rows = branchRows(tree);
  const headOf = (branch: number, head: number) => (branch === tree.current ? liveHead : head);
  const max = Math.max(1, ...tree.branches.map((b) => headOf(b.id, b.headTime)));
  const x = (ms: number) => (ms / max) * 1000;
  const runName = t(id === 'a' ? 'compare.runA' : 'compare.runB');
  return (
    <div className={`branch-tree${comparing ? ` compare-run-${id}` : ''}`} role="group" aria-label={comparing ? t('compare.branchesOf', { run: runName }) : t('compare.branches')} data-testid={id === 'a' ? 'branch-tree' : 'branch-tree-b'}>
      {comparing && <span className="branch-tree-run">{t('compare.branchesOf', { run: runName })}</span>}
      {rows.map(({ branch: b, depth }) => {
        const current = b.id === tree.current;
        const name = t('compare.branch', { n: b.id + 1 });
        const head = headOf(b.id, b.headTime);
        return (
          <div key={b.id} className={`branch-row${current ? ' current' : ''}`} data-testid={`branch-${b.id}`}>
            <span className="branch-name" style={{ paddingLeft: `${depth * 1.2}em` }}>
              {depth > 0 && '└ '}
              <button type="button" aria-pressed={current} disabled={current || busy} onClick={() => switchTo(b.id, id)} title={t('compare.branchSwitch')} data-testid={`branch-switch-${b.id}`}>{name}</button>
            </span>
            <svg className="branch-line" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
              <line x1={x(b.at)} x2={Math.max(x(head), x(b.at) + 2)} y1={5} y2={5} />
              {b.parent !== null && <line className="fork" x1={x(b.at)} x2={x(b.at)} y1={0} y2={10} />}
            </svg>
            <span className="branch-when">
              {b.parent === null ? t('compare.branchFirst', { head: formatSimTime(head) }) : t('compare.branchFrom', { n: b.parent + 1, t: formatSimTime(b.at), head: formatSimTime(head) })}
            </span>
            {id === 'a' && !current && <button type="button" className="link" disabled={busy} onClick={() => openBeside(b.id)} title={t('compare.branchOpenTitle')} data-testid={`branch-open-${b.id}`}>{t('compare.open')}</button>}
          </div>
        );
      })}
    </div>
  );
}

export function BranchTree() {
  const trees = useAppStore((s) => s.branches);
  const comparing = useAppStore((s) => s.runs.b !== undefined);
  return (
    <>
      {trees.a.branches.length > 1 && <RunBranchTree id="a" tree={trees.a} comparing={comparing} />}
      {comparing && trees.b && trees.b.branches.length > 1 && <RunBranchTree id="b" tree={trees.b} comparing />}
    </>
  );
}
