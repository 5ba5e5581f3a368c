import { useRef } from 'react';
import { BUILTIN_SCENARIOS } from '../../engine';
import { useRun, useRunActions, useStoreApi } from '../../store/react';
import { looksLikeLessonText, openLessonFile } from '../../store/lessonState';
import { hasMessage, type MessageId } from '../../i18n/translate';
import { useLang, useT } from '../../i18n/useT';
import { useImportFlinkRest } from '../transfer/useImportFlinkRest';

// The built-in scenarios, and a scenario of your own from a JSON file in the format of the README
// (checked against the same schema as the sim command's; what is wrong is named, the run is kept).

const PICKABLE = BUILTIN_SCENARIOS.filter((s) => s.id !== 'bench');
const FROM_FILE = '__file';

export function ScenarioPicker() {
  const scenarioId = useRun((r) => r.scenarioId);
  const custom = useRun((r) => r.customScenario);
  const { load, openScenarioFile: open } = useRunActions();
  const input = useRef<HTMLInputElement>(null);
  const lang = useLang();
  const t = useT();
  const store = useStoreApi();
  // a built-in scenario's title in the page's language; the engine's own in English
  const title = (s: { id: string; title: string }) => {
    const id = `scenario.${s.id}.title`;
    return lang !== 'en' && hasMessage(lang, id) ? t(id as MessageId) : s.title;
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    // a lesson file (it has steps) opens as a lesson, validated the same way
    if (looksLikeLessonText(text)) await openLessonFile(store, file.name, text);
    else open(file.name, text);
    if (input.current) input.current.value = '';
  };
  // a real job's Flink REST documents (one file, or several chosen together) open as the imported job
  const importRest = useImportFlinkRest();
  const onFiles = async (files: FileList | null) => {
    const list = [...(files ?? [])];
    if ((await importRest(list)) === 'not-rest') await onFile(list[0]);
    else if (input.current) input.current.value = '';
  };
  return (
    <>
      <label className="scenario-picker"><span className="picker-label">{t('picker.scenario')}</span>
        <select value={custom ? FROM_FILE : scenarioId} onChange={(e) => { if (e.target.value !== FROM_FILE) load(e.target.value, undefined, {}); }}>
          {PICKABLE.map((s) => <option key={s.id} value={s.id}>{title(s)} ({s.id})</option>)}
          {custom && <option value={FROM_FILE}>{t('picker.fromFile', { title: custom.title ?? custom.id })}</option>}
        </select>
      </label>
      <button type="button" onClick={() => input.current?.click()} title={t('picker.openTitle')} data-testid="open-file">{t('picker.open')}</button>
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label={t('picker.fileInput')} data-testid="scenario-file" multiple onChange={(e) => void onFiles(e.target.files)} />
    </>
  );
}
