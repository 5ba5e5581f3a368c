import { useT } from '../../i18n/useT';
import { KEY_HELP } from '../hooks/keyboard';
import type { KeyOverlay } from '../hooks/useKeyboardShortcuts';
import { Legend } from './Legend';
import { useModalFocus } from '../hooks/useModalFocus';

/** The black screen (b, .), the list of keys (?) and the legend (l) over the page. */
export function KeyOverlays({ overlay, close }: { overlay: KeyOverlay; close: () => void }) {
  const t = useT();
  if (overlay === 'blank') {
    return <div className="blank-screen" data-testid="blank-screen" role="button" tabIndex={-1} aria-label={t('keys.blanked')} onClick={close} />;
  }
  if (overlay === 'legend') return <Legend close={close} />;
  if (overlay !== 'help') return null;
  return <KeyHelp close={close} />;
}

function KeyHelp({ close }: { close: () => void }) {
  const t = useT();
  const dialog = useModalFocus<HTMLDivElement>();
  return (
    <div className="key-help-backdrop" onClick={close}>
      <div ref={dialog} className="key-help" role="dialog" aria-modal="true" aria-labelledby="key-help-title" data-testid="key-help" onClick={(e) => e.stopPropagation()}>
        <h2 id="key-help-title">{t('keys.title')}</h2>
        <p>{t('keys.intro')}</p>
        <table>
          <tbody>
            {KEY_HELP.map((k) => (
              <tr key={k.what}>
                <th scope="row">{k.keys.map((key, i) => <span key={key}>{i > 0 && ' / '}<kbd>{key}</kbd></span>)}</th>
                <td>{t(k.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('keys.closeHint')}</p>
        <button type="button" onClick={close} autoFocus data-testid="key-help-close">{t('keys.close')}</button>
      </div>
    </div>
  );
}
