import { describe, expect, it } from 'vitest';
import { COURSE_IDS } from '../lessons/course';
import { createAppStore, type AppStoreApi } from './appStore';
import { lessonAnswer, lessonNext, lessonShowMe, openLesson } from './lessonState';

// Every lesson of the course played on the page's store as a learner who answers as the lesson
// expects and presses "Show me" on each hands-on step: the engine must agree with each answer on
// the run on screen, each goal must hold when its step pauses, and the lesson must end.

function playUntilPaused(store: AppStoreApi): void {
  store.getState().clockActions.play();
  for (let ms = 0; ms < 200_000 && store.getState().clock.playing; ms += 100) store.getState().clockActions.advance(100);
}

describe('the course on the page', () => {
  for (const id of COURSE_IDS) {
    it(`plays ${id} through`, async () => {
      const store = createAppStore({}, { scheduler: 'sync' });
      store.getState().clockActions.setSpeed(70);
      expect(await openLesson(store, id, 1)).toBe(true);
      const steps = store.getState().lesson!.lesson.steps;
      steps.forEach((step, i) => {
        const at = `${id} step ${i + 1}`;
        expect(store.getState().lesson!.step, at).toBe(i);
        if (step.ask) {
          lessonAnswer(store, step.ask.expect);
          expect(store.getState().lesson!.answer?.correct, `${at}: the answer`).toBe(true);
        }
        if (step.goal) lessonShowMe(store);
        if (store.getState().lesson!.stopAt !== null) {
          playUntilPaused(store);
          expect(store.getState().lesson!.closed, `${at}: paused at its moment`).toBe(true);
          expect(store.getState().clock.displayTime, at).toBe(store.getState().lesson!.stopAt);
        }
        if (step.goal) expect(store.getState().lesson!.goal, `${at}: the goal`).toBe(true);
        expect(store.getState().lesson!.problem, at).toBeNull();
        lessonNext(store);
      });
      expect(store.getState().lesson!.done).toBe(true);
      // only the store's word that a setting started a new run
      expect(store.getState().notices.filter((n) => !/shape the job itself/.test(n))).toEqual([]);
    }, 60_000);
  }
});
