import { describe, expect, it } from 'vitest';
import { formatTraceHash } from '../engine';
import { LESSON_FILES } from '../lessons/course';
import { parseLesson } from '../lessons/parse';
import { createAppStore, type AppStoreApi } from './appStore';
import { courseTo, lessonRunAt } from './lessonCourse';
import { currentScenario } from './scenarioFile';
import { lessonAnswer, lessonNext, lessonPrevious, lessonResetStep, lessonShowMe, openLesson, openLessonFile } from './lessonState';

// The player on a real store and engine: the run on screen pauses where the headless check says a
// step's `until` fires, answers are judged by the engine, Previous goes back to the very moment.

const newStore = () => createAppStore({}, { scheduler: 'sync' });

/** Plays at 1× until the clock stops by itself (or `maxMs` of real time). */
function playUntilPaused(store: AppStoreApi, maxMs = 60_000): void {
  store.getState().clockActions.play();
  for (let ms = 0; ms < maxMs && store.getState().clock.playing; ms += 50) store.getState().clockActions.advance(50);
}

const lesson = () => store0().getState().lesson!;
let current: AppStoreApi;
const store0 = () => current;

describe('the lesson player', () => {
  it('opens a lesson and pauses the run exactly where the step\'s until fires', async () => {
    current = newStore();
    expect(await openLesson(current, 'failure-recovery', 1)).toBe(true);
    expect(lesson().step).toBe(0);
    expect(current.getState().view.highlights).toEqual(['op:count', 'op:sink']);
    expect(current.getState().view.tab).toBe('checkpoints');
    const stopAt = lesson().stopAt!;
    expect(stopAt).toBeGreaterThan(0);
    playUntilPaused(current);
    const s = current.getState();
    expect(s.clock.displayTime).toBe(stopAt);
    expect(s.lesson!.closed).toBe(true);
    expect(s.runs.a.sim.state.coordinator.history.find((h) => h.id === 1)?.status).toBe('COMPLETED');
  });

  it('judges an answer by the engine, not by the lesson, and lets a wrong one be tried again', async () => {
    current = newStore();
    await openLesson(current, 'failure-recovery', 2);
    expect(lesson().step).toBe(1);
    // Play is held until the question is answered
    current.getState().clockActions.play();
    current.getState().clockActions.advance(50);
    expect(current.getState().clock.playing).toBe(false);
    expect(lesson().answerFirst).toBe(true);
    lessonAnswer(current, 'scratch');
    expect(lesson().answer).toMatchObject({ option: 'scratch', correct: false });
    lessonAnswer(current, 'cp-1');
    expect(lesson().answer).toMatchObject({ option: 'cp-1', correct: true });
  });

  it('"Show me" plays the solution: the goal holds when the step pauses', async () => {
    current = newStore();
    await openLesson(current, 'failure-recovery', 2);
    lessonAnswer(current, 'cp-1');
    expect(lesson().goal).toBe(false);
    lessonShowMe(current);
    expect(lesson().goal).toBe(true);
    playUntilPaused(current);
    const s = current.getState();
    expect(s.lesson!.closed).toBe(true);
    expect(s.runs.a.sim.state.restores.length + s.runs.a.sim.state.job.restarts).toBeGreaterThan(0);
    expect(s.runs.a.commands.some((c) => c.command.kind === 'fault')).toBe(true);
  });

  it('Previous shows the step as it began: the very moment, the same run', async () => {
    current = newStore();
    await openLesson(current, 'failure-recovery', 1);
    playUntilPaused(current);
    const start2 = current.getState().clock.displayTime;
    lessonNext(current);
    expect(lesson().step).toBe(1);
    expect(lesson().from).toBe(start2);
    lessonAnswer(current, 'cp-1');
    playUntilPaused(current, 2000);
    lessonNext(current);
    expect(lesson().step).toBe(2);
    lessonPrevious(current);
    expect(lesson().step).toBe(1);
    expect(current.getState().clock.displayTime).toBe(start2);
    expect(lesson().answer).toBeNull();
    // Home: the step begins again at the same moment
    playUntilPaused(current, 500);
    lessonResetStep(current);
    expect(current.getState().clock.displayTime).toBe(start2);
  });

  it('a step opened from the course is the run the headless check runs (same trace hash)', async () => {
    current = newStore();
    await openLesson(current, 'failure-recovery', 4);
    const parsed = parseLesson(LESSON_FILES.get('failure-recovery'));
    const point = courseTo(parsed, 3);
    const run = current.getState().runs.a;
    expect(run.sim.now).toBe(point.at);
    const headless = lessonRunAt({ scenario: currentScenario(run), seed: run.seed, conf: run.conf, commands: point.commands }, point.at);
    expect(formatTraceHash(run.sim.state.traceHash)).toBe(formatTraceHash(headless.state.traceHash));
  });

  it('follows a setting that starts a new run: the step begins again at 0', async () => {
    current = newStore();
    await openLesson(current, 'failure-recovery', 6);
    expect(lesson().step).toBe(5);
    lessonShowMe(current);
    expect(current.getState().runs.a.conf['sim.sink.kind']).toBe('two-phase-commit');
    expect(lesson().from).toBe(0);
    playUntilPaused(current);
    expect(lesson().closed).toBe(true);
    expect(lesson().goal).toBe(true);
  });

  it('refuses a broken lesson file with the path of what is wrong, keeping the run', async () => {
    current = newStore();
    const before = current.getState().runs.a.recorder;
    const bad = { id: 'mine', title: 'mine.title', scenario: 'default', steps: [{ say: 'mine.one', until: { event: 'nope' }, within: '2 s' }], messages: { en: { 'mine.title': 'Mine', 'mine.one': 'One' } } };
    expect(await openLessonFile(current, 'mine.json', JSON.stringify(bad))).toBe(false);
    const notice = current.getState().notices.at(-1)!;
    expect(notice).toMatch(/steps\.0\.until/);
    expect(current.getState().runs.a.recorder).toBe(before);
    expect(current.getState().lesson).toBeNull();
    const good = { ...bad, steps: [{ say: 'mine.one', until: { event: 'checkpoint-completed' }, within: '8 s' }] };
    expect(await openLessonFile(current, 'mine.json', JSON.stringify(good))).toBe(true);
    expect(lesson()).toMatchObject({ id: 'mine', fromFile: true });
    expect(lesson().messages.get('ko')?.get('mine.one')).toBeUndefined();
  });
});
