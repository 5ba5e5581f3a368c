import { useEffect, useState } from 'react';
import { readLessonLink } from '../../store/lessonLink';
import { attachLesson, openLesson, registerLessonWords } from '../../store/lessonState';
import { useStoreApi } from '../../store/react';
import { translator } from '../../i18n/translate';

/**
 * Once per page: `?lesson=<id>&step=<n>` opens that lesson. Read while the page is first drawn,
 * before the address starts following the run. With a link's run (`run`, `t`) the lesson is laid
 * over it once the run is replayed; without, the lesson's own run is made.
 */
const handled = new WeakSet<object>();

export function useLessonLink(): void {
  const store = useStoreApi();
  const [read] = useState(() => readLessonLink(typeof window === 'undefined' ? '' : window.location.search));
  useEffect(() => {
    // once per store (StrictMode runs effects twice)
    if (handled.has(store)) return;
    handled.add(store);
    // the player's notices, said in the language of the moment
    registerLessonWords(store, (id, params) => translator(store.getState().view.lang)(id, params));
    const s = store.getState();
    const say = translator(s.view.lang);
    for (const p of read.problems) {
      s.notify(say(p.kind === 'id' ? 'lesson.linkId' : p.kind === 'step' ? 'lesson.linkStep' : 'lesson.linkFrom', { value: JSON.stringify(p.value) }));
    }
    const link = read.link;
    if (!link) return;
    if (!link.withRun) {
      void openLesson(store, link.id, link.step);
      return;
    }
    // the link's run is replayed in pieces first (the store's busy work)
    let done = false;
    const go = () => {
      if (done || store.getState().busy) return;
      done = true;
      stop();
      void attachLesson(store, link.id, link.step, link.from);
    };
    const stop = store.subscribe(go);
    go();
  }, [store, read]);
}
