import { useStoreApi } from '../../store/react';
import { runSearch } from '../hooks/useRunInUrl';
import { formatSimTime } from '../format';
import { translator } from '../../i18n/translate';
import { useT } from '../../i18n/useT';

/** A link that replays this run exactly (scenario, seed, settings, commands, restores) and opens at this moment, in this language. */
export function CopyLinkButton() {
  const store = useStoreApi();
  const t = useT();
  const copyLink = async () => {
    const s = store.getState();
    const { displayTime } = s.clock;
    const n = s.runs.a.commands.length + (s.runs.b?.commands.length ?? 0);
    const url = `${window.location.origin}${window.location.pathname}${runSearch(s, displayTime)}`;
    // said in the language of the moment: the page made this notice, not the store
    const say = translator(s.view.lang);
    try {
      await navigator.clipboard.writeText(url);
      s.notify(say('copy.done', { n, t: formatSimTime(displayTime) }));
    } catch {
      s.notify(say('copy.manual', { url }));
    }
  };
  return (
    <button type="button" className="copy-link" onClick={() => void copyLink()} aria-label={t('copy.button')} title={t('copy.title')} data-testid="copy-link">{t('copy.button')}</button>
  );
}
