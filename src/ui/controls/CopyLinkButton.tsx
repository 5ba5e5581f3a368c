import { useStoreApi } from '../../store/react';
import { runSearch } from '../hooks/useRunInUrl';
import { formatSimTime } from '../format';

/** A link that replays this run exactly (scenario, seed, settings, commands, restores) and opens at this moment. */
export function CopyLinkButton() {
  const store = useStoreApi();
  const copyLink = async () => {
    const s = store.getState();
    const { displayTime } = s.clock;
    const n = s.runs.a.commands.length;
    const url = `${window.location.origin}${window.location.pathname}${runSearch(s, displayTime)}`;
    try {
      await navigator.clipboard.writeText(url);
      s.notify(`Link copied. It replays this run exactly (scenario, seed, settings and your ${n} command${n === 1 ? '' : 's'}) and opens at t = ${formatSimTime(displayTime)}.`);
    } catch {
      s.notify(`Copy this link to share the run as it is now: ${url}`);
    }
  };
  return (
    <button type="button" className="copy-link" onClick={() => void copyLink()} aria-label="Copy link" title="A link that replays this run exactly and opens at this moment">Copy link</button>
  );
}
