import './transfer.css';
import { useImportedJob } from '../../store/importedJob';
import { useT } from '../../i18n/useT';
import { PasteBox } from './PasteBox';

// Under the simulated run's Checkpoints heading: how to bring a real job's checkpoints in, and the
// way back to one imported before.

export function ImportBar() {
  const hasJob = useImportedJob((s) => s.job !== null);
  const show = useImportedJob((s) => s.show);
  const t = useT();
  return (
    <div className="import-bar">
      {hasJob && <button type="button" onClick={() => show(true)}>{t('transfer.showImported')}</button>}
      <details>
        <summary>{t('transfer.import.summary')}</summary>
        <p className="panel-note">{t('transfer.import.hint')}</p>
        <PasteBox />
      </details>
    </div>
  );
}
