import { useSim, useSimStoreApi } from '../../store/react';
import { runSearch } from '../hooks/useRunInUrl';
import { formatSimTime } from '../format';

/** A link that replays this run exactly (scenario, seed, settings, commands) and opens at this moment. */
export function CopyLinkButton() {
  const shareable = useSim((s) => s.shareable);
  const store = useSimStoreApi();
  const copyLink = async () => {
    const s = store.getState();
    const url = `${window.location.origin}${window.location.pathname}${runSearch(s, s.displayTime)}`;
    try {
      await navigator.clipboard.writeText(url);
      s.notify(`Link copied. It replays this run exactly (scenario, seed, settings and your ${s.commands.length} command${s.commands.length === 1 ? '' : 's'}) and opens at t = ${formatSimTime(s.displayTime)}.`);
    } catch {
      s.notify(`Copy this link to share the run as it is now: ${url}`);
    }
  };
  return (
    <button type="button" className="copy-link" onClick={() => void copyLink()} disabled={!shareable} aria-label="Copy link"
      title={shareable ? 'A link that replays this run exactly and opens at this moment' : 'A job restored from a snapshot cannot be carried in a link yet'}>Copy link</button>
  );
}
