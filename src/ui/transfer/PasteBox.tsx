import { useId, useState } from 'react';
import { importedJobStore } from '../../store/importedJob';
import { useViewActions } from '../../store/react';
import { useT } from '../../i18n/useT';

// Paste what Flink's REST API returned (one document after another, as `curl a; curl b` prints
// them): imported as a real job's checkpoints, or refused here with what is wrong.

export function PasteBox() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { setTab } = useViewActions();
  const t = useT();
  const id = useId();
  const submit = () => {
    const result = importedJobStore.getState().open([{ name: '', text }]);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setText('');
    setTab('checkpoints');
  };
  return (
    <div className="paste-box">
      <label htmlFor={id}>{t('transfer.paste.label')}</label>
      <textarea id={id} data-testid="rest-paste" rows={4} spellCheck={false} value={text} placeholder={'{"counts": {…}, "summary": {…}, "latest": {…}, "history": […]}'}
        onChange={(e) => setText(e.target.value)} />
      <button type="button" onClick={submit} disabled={!text.trim()}>{t('transfer.paste.import')}</button>
      {problem && <p className="failure" role="alert">{t('transfer.paste.refused', { why: problem })}</p>}
    </div>
  );
}
