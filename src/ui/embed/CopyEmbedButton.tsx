import { useRef, useState } from 'react';
import './embed.css';
import { hasMessage, translator, type MessageId } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { currentScenario } from '../../store/scenarioFile';
import { useStoreApi } from '../../store/react';
import type { AppState } from '../../store/appState';
import { embedCode } from './embedCode';
import { shownLesson } from './lessonLink';

/** The snippet for what the page shows now: the lesson and its step, or run a's scenario, seed and settings. */
function codeFor(s: AppState): string {
  const run = s.runs.a;
  const lang = s.view.lang;
  const say = translator(lang);
  const lesson = shownLesson(s);
  let title: string;
  if (lesson) {
    title = say('embed.frameLessonTitle', { name: lesson.title });
  } else {
    const spec = currentScenario(run);
    const id = `scenario.${spec.id}.title`;
    const name = !run.customScenario && lang !== 'en' && hasMessage(lang, id) ? say(id as MessageId) : spec.title ?? spec.id;
    title = say('embed.frameTitle', { name });
  }
  return embedCode({
    base: `${window.location.origin}${window.location.pathname}`,
    setup: run,
    lesson: lesson ? { id: lesson.lesson, step: lesson.step } : undefined,
    lang,
    title,
  });
}

/** "Copy embed code": the <iframe> snippet to the clipboard, and shown in a dialog to copy by hand. */
export function CopyEmbedButton() {
  const store = useStoreApi();
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [shown, setShown] = useState<{ code: string; copied: boolean } | null>(null);
  const open = async () => {
    const code = codeFor(store.getState());
    let copied = false;
    try {
      await navigator.clipboard.writeText(code);
      copied = true;
    } catch {
      // no clipboard (permissions, an insecure page): the dialog holds the code, selected
    }
    setShown({ code, copied });
    dialog.current?.showModal();
    requestAnimationFrame(() => area.current?.select());
  };
  return (
    <>
      <button type="button" onClick={() => void open()} title={t('embed.copy.title')} data-testid="copy-embed">{t('embed.copy.button')}</button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-dialog-title" data-testid="embed-dialog" onClose={() => setShown(null)}>
        <h2 id="embed-dialog-title">{t('embed.copy.dialog')}</h2>
        {shown && (
          <>
            <p role="status" data-testid="embed-copied" data-copied={shown.copied}>{t(shown.copied ? 'embed.copy.done' : 'embed.copy.manual')}</p>
            <textarea ref={area} readOnly value={shown.code} rows={5} aria-label={t('embed.copy.code')} data-testid="embed-code" onFocus={(e) => e.currentTarget.select()} />
            <p className="embed-hint">{t('embed.copy.hint')}</p>
          </>
        )}
        <form method="dialog">
          <button type="submit" className="primary">{t('embed.copy.close')}</button>
        </form>
      </dialog>
    </>
  );
}
