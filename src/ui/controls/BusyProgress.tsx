import { shallow } from 'zustand/shallow';
import { useAppStore } from '../../store/react';

/** Long work under way (a link opened far into a run, a comparison): how far it got, and Cancel. */
export function BusyProgress() {
  const busy = useAppStore((s) => s.busy, shallow);
  const cancel = useAppStore((s) => s.cancelBusy);
  if (!busy) return null;
  const pct = busy.total > 0 ? Math.min(100, Math.floor((busy.done / busy.total) * 100)) : 0;
  return (
    <span className="busy" data-testid="busy">
      <span>{busy.label}</span>
      <progress max={100} value={pct} aria-label={busy.label} />
      <span className="muted">{pct}%</span>
      <button type="button" onClick={cancel} aria-label="Cancel">Cancel</button>
    </span>
  );
}
