import { sinkWritesView } from '../../engine';
import { useRunView } from './useRunView';
import { useT } from '../../i18n/useT';
import '../panels/picture.css';

// On a sink subtask: how many records it wrote a second time that a read_committed reader sees
// (a plain sink after a restore). The badge pops when the count grows, as the duplicate is written.

export function DuplicateBadge({ sid }: { sid: number }) {
  const n = useRunView((state) => (state.plan.subtasks[sid] ? sinkWritesView(state, sid)?.committedDuplicates ?? 0 : 0));
  const t = useT();
  if (n === 0) return null;
  return <span key={n} className="badge dup" data-testid={`dup-badge-${sid}`} title={t('picture.dupBadgeTitle', { n })}>{t('picture.dupBadge', { n })}</span>;
}
