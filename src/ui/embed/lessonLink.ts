import type { AppState } from '../../store/appState';
import type { AppStoreApi } from '../../store/appStore';
import { lessonExplore, lessonText, openLesson } from '../../store/lessonState';
import type { EmbedLessons } from './bridge';

// What embedding needs from the lesson player (src/store/lessonState.ts): which lesson and step are
// shown (steps counted from 1, as the page shows them), its title, and opening one for a host.

export function shownLesson(s: AppState): { lesson: string; step: number; title: string } | null {
  const l = s.lesson;
  if (!l || l.fromFile) return null;
  return { lesson: l.id, step: Math.min(l.step + 1, l.lesson.steps.length), title: lessonText(l, s.view.lang, l.lesson.title).text };
}

export function embedLessons(store: AppStoreApi): EmbedLessons {
  return {
    async open(id, step) {
      const before = store.getState().notices.length;
      if (await openLesson(store, id, step ?? 1)) return undefined;
      return store.getState().notices.slice(before).join(' ') || `lesson "${id}" could not be opened.`;
    },
    leave: () => void lessonExplore(store),
    current: (s) => {
      const shown = shownLesson(s);
      return shown && { lesson: shown.lesson, step: shown.step };
    },
  };
}
