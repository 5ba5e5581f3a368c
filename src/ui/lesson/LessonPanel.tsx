import { useStoreApi, useAppStore, useClock } from '../../store/react';
import {
  lessonAllText, lessonAnswer, lessonExplore, lessonNext, lessonPrevious, lessonResetStep, lessonShowMe, lessonText, lessonToggleHint,
  type LessonState,
} from '../../store/lessonState';
import { useLang, useT } from '../../i18n/useT';
import { formatSimTime } from '../format';
import { useFontFor } from './useLessonFont';
import './lesson.css';

/** A lesson's text in the page's language; English where it lacks one, marked so it shows. */
function Say({ lesson, id, className, testId }: { lesson: LessonState; id: string; className?: string; testId?: string }) {
  const lang = useLang();
  const t = useT();
  const { text, fallback } = lessonText(lesson, lang, id);
  return (
    <span className={className} data-testid={testId} lang={fallback ? 'en' : lang} title={fallback ? t('lesson.fallback', { lang: t(`lang.${lang}`) }) : undefined}>
      {fallback && lang !== 'en' ? `⚑ ${text}` : text}
    </span>
  );
}

function Question({ lesson }: { lesson: LessonState }) {
  const store = useStoreApi();
  const t = useT();
  const ask = lesson.lesson.steps[lesson.step].ask!;
  const a = lesson.answer;
  return (
    <div className={`lesson-ask${lesson.answerFirst && !a ? ' attention' : ''}`} role="group" aria-label={t('lesson.question')}>
      <div className="lesson-ask-head"><strong>{t('lesson.question')}</strong> <Say lesson={lesson} id={ask.question} /></div>
      <div className="lesson-options">
        {ask.options.map((o) => {
          const chosen = a?.option === o.id;
          const cls = chosen ? (a!.correct ? 'chosen right' : 'chosen wrong') : '';
          return (
            <button
              key={o.id} type="button" className={cls} aria-pressed={chosen} disabled={a?.correct === true && !chosen}
              data-testid={`lesson-option-${o.id}`} onClick={() => lessonAnswer(store, o.id)}
            >
              <Say lesson={lesson} id={o.say} />
            </button>
          );
        })}
      </div>
      {lesson.answerFirst && !a && <p className="lesson-note" role="status">{t('lesson.answerFirst')}</p>}
      {a && (
        <p className={`lesson-feedback ${a.correct ? 'right' : 'wrong'}`} data-testid="lesson-feedback" data-correct={String(a.correct)} role="status">
          {a.correct ? (lesson.closed ? t('lesson.rightRevealed') : t('lesson.right')) : t('lesson.wrong')}
        </p>
      )}
    </div>
  );
}

function Goal({ lesson }: { lesson: LessonState }) {
  const store = useStoreApi();
  const t = useT();
  const step = lesson.lesson.steps[lesson.step];
  const status = lesson.closed
    ? (lesson.goal ? t('lesson.goalReached') : t('lesson.goalNotYet'))
    : lesson.showing ? t('lesson.showing') : lesson.goal ? t('lesson.goalWillHold') : null;
  return (
    <div className={`lesson-goal${lesson.closed ? (lesson.goal ? ' reached' : ' missed') : ''}`} data-testid="lesson-goal" data-reached={lesson.closed ? String(lesson.goal) : undefined}>
      <strong>{t('lesson.goal')}</strong>
      {status && <span role="status">{status}</span>}
      <span className="spacer" />
      {step.hint && <button type="button" aria-expanded={lesson.hint} onClick={() => lessonToggleHint(store)} data-testid="lesson-hint-button">{t('lesson.hint')}</button>}
      <button type="button" onClick={() => lessonShowMe(store)} title={t('lesson.showMeTitle')} data-testid="lesson-show-me">{t('lesson.showMe')}</button>
      {lesson.hint && step.hint && <p className="lesson-hint" data-testid="lesson-hint"><Say lesson={lesson} id={step.hint} /></p>}
    </div>
  );
}

function Status({ lesson }: { lesson: LessonState }) {
  const t = useT();
  const now = useClock((c) => c.displayTime);
  if (lesson.problem) return <p className="lesson-note problem" role="alert">{t('lesson.problem', { why: lesson.problem })}</p>;
  if (lesson.stopAt === null) return null;
  const at = formatSimTime(lesson.stopAt);
  const text = lesson.closed ? (lesson.fired ? t('lesson.arrived', { t: at }) : t('lesson.timeUp', { t: at })) : now >= lesson.from ? t('lesson.waiting', { t: at }) : null;
  return text ? <p className="lesson-note" data-testid="lesson-status">{text}</p> : null;
}

/** The lesson on screen (CONTRACTS §5): narration in large type beside the graph, step n / total, Next and Previous. */
export function LessonPanel() {
  const lesson = useAppStore((s) => s.lesson);
  const store = useStoreApi();
  const lang = useLang();
  const t = useT();
  const text = lesson ? lessonAllText(lesson, lang) : '';
  const fontReady = useFontFor(lang, text);
  if (!lesson || !fontReady) return null;
  const step = lesson.lesson.steps[lesson.step];
  const total = lesson.lesson.steps.length;
  const play = () => store.getState().clockActions.play();
  return (
    <section className="lesson-panel" data-testid="lesson" aria-label={t('lesson.panel')} data-step={lesson.step + 1}>
      <div className="lesson-top">
        <Say lesson={lesson} id={lesson.lesson.title} className="lesson-title" />
        {lesson.fromFile && <span className="muted">({t('lesson.fromFile')})</span>}
        <span className="lesson-step" data-testid="lesson-step" title={t('lesson.stepLabel', { n: lesson.step + 1, total })}>{lesson.step + 1} / {total}</span>
        <span className="spacer" />
        <button type="button" onClick={() => lessonPrevious(store)} disabled={lesson.step === 0 && !lesson.done} title={t('lesson.previousTitle')} aria-keyshortcuts="PageUp" data-testid="lesson-prev">◀ {t('lesson.previous')}</button>
        <button type="button" onClick={() => lessonResetStep(store)} disabled={lesson.done} title={t('lesson.resetTitle')} aria-keyshortcuts="Home" data-testid="lesson-reset">↺ {t('lesson.reset')}</button>
        {lesson.stopAt !== null && !lesson.closed && <button type="button" onClick={play} data-testid="lesson-play">▶ {t('lesson.play')}</button>}
        <button type="button" className="primary" onClick={() => lessonNext(store)} disabled={lesson.done} title={t('lesson.nextTitle')} aria-keyshortcuts="PageDown" data-testid="lesson-next">{t('lesson.next')} ▶</button>
        <button type="button" onClick={() => lessonExplore(store)} title={t('lesson.exploreTitle')} data-testid="lesson-explore">{t('lesson.explore')}</button>
      </div>
      {lesson.done ? <p className="lesson-say" data-testid="lesson-say">{t('lesson.done')}</p> : (
        <>
          <p className="lesson-say" aria-live="polite"><Say lesson={lesson} id={step.say} testId="lesson-say" /></p>
          {step.ask && <Question lesson={lesson} />}
          {step.goal !== undefined && <Goal lesson={lesson} />}
          <Status lesson={lesson} />
        </>
      )}
    </section>
  );
}
