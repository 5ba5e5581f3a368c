import { findSubtask, quote, type RecordedCommand, type RunRecorder, type UserCommand } from '../engine';
import { COURSE_IDS, LESSON_FILES, loadMessages } from '../lessons/course';
import type { LessonRun } from '../lessons/run';
import type { LessonStep } from '../lessons/schema';
import type { ParsedLesson } from '../lessons/parse';
import { parseLesson } from '../lessons/parse';
import { LessonError } from '../lessons/errors';
import type { Messages } from '../lessons/messages';
import type { AppState, RunState } from './appState';
import type { AppStoreApi } from './appStore';
import { courseTo, lessonRunAt, rightOption, runStep, shapesTheJob, startConf, stepCommands, type PageRunSetup, type StepOutcome } from './lessonCourse';
import { readLessonFile } from './lessonFile';
import { settingsInForce } from './settingsInForce';
import { markFinished } from './lessonProgress';
import type { LessonState } from './appState';
import { lessonWordsOf, registerLessonControls, type LessonControls, type LessonNoticeId } from './lessonRegistry';
import { currentScenario } from './scenarioFile';
import { closeLessonComparison, stepComparison } from './compareLesson';

// The lesson player: it keeps the store's `lesson` in step with the run on screen. A step begins at
// a moment of the run; a LessonRun at that moment (lessonCourse.ts) runs the step's window with the
// commands the run holds from there on, which says when the run on screen must pause (its `until`
// fires or its time is up), whether the goal holds then, and what the engine says the answer is.
// Whenever the learner acts (the run's commands change) or a setting starts a new run, that is
// worked out again; when the clock reaches the moment, the player pauses it there exactly.

let courseMessages: Messages | null = null;
const parsedCourse = new Map<string, ParsedLesson>();

function course(id: string): ParsedLesson | null {
  const have = parsedCourse.get(id);
  if (have) return have;
  const raw = LESSON_FILES.get(id);
  if (raw === undefined) return null;
  const parsed = parseLesson(raw);
  parsedCourse.set(id, parsed);
  return parsed;
}

export function courseMessagesOf(): Messages {
  courseMessages ??= loadMessages();
  return courseMessages;
}

/** Course ids in order with their titles in every language (the lesson list). */
export function courseList(): { id: string; title: Map<string, string> }[] {
  const messages = courseMessagesOf();
  return COURSE_IDS.filter((id) => LESSON_FILES.has(id)).map((id) => {
    const raw = LESSON_FILES.get(id) as { title?: unknown };
    const titleId = typeof raw.title === 'string' ? raw.title : '';
    return { id, title: new Map([...messages].map(([lang, m]) => [lang, m.get(titleId) ?? id])) };
  });
}

/** The run on screen as a lesson replays it: the configuration it started with (`conf` also takes settings given later, as commands), and its commands. */
function pageSetup(run: RunState): PageRunSetup {
  return { scenario: currentScenario(run), seed: run.seed, conf: startConf(run.recorder.keyframes[0].state), commands: run.commands };
}

/** The run's future from `at` on is dropped (as when the learner acts in the past): what a step replays next is set anew. */
function discardFuture(recorder: RunRecorder, at: number): void {
  recorder.commands = recorder.commands.filter((c) => c.at <= at);
  while (recorder.keyframes.length > 1 && recorder.keyframes[recorder.keyframes.length - 1].time > at) recorder.keyframes.pop();
  recorder.headTime = at;
}

class Player implements LessonControls {
  private parsed: ParsedLesson | null = null;
  /** when each step began, in which run (a setting that starts a new run leaves the earlier steps behind) */
  private starts = new Map<number, { recorder: RunRecorder; at: number }>();
  private base: { recorder: RunRecorder; at: number; commandsBefore: string; run: LessonRun } | null = null;
  private outcome: StepOutcome | null = null;
  private solutionOutcome: StepOutcome | null = null;
  private seen: { recorder: RunRecorder; commands: readonly RecordedCommand[] } | null = null;
  private acting = false;
  /** the step whose `compare` opened run B (compareLesson.ts): going back before it closes B */
  private compared: number | null = null;

  constructor(private readonly store: AppStoreApi) {
    store.subscribe((s) => this.follow(s));
  }

  private get state(): AppState {
    return this.store.getState();
  }

  private setLesson(patch: Partial<LessonState>): void {
    this.store.setState((s) => (s.lesson ? { lesson: { ...s.lesson, ...patch } } : {}));
  }

  /** A notice in the page's language when the page said how (English otherwise). */
  private say(id: LessonNoticeId, params: Record<string, string | number>, english: string): void {
    const words = lessonWordsOf(this.store);
    this.state.notify(words ? words(id, params) : english);
  }

  private step(i = this.state.lesson?.step ?? 0): LessonStep {
    return this.parsed!.lesson.steps[i];
  }

  // ---- opening

  open(id: string, stepNumber: number): boolean {
    let parsed: ParsedLesson | null;
    try {
      parsed = course(id);
    } catch (e) {
      const why = (e as Error).message;
      this.say('lesson.unreadable', { id: quote(id), why }, `The lesson ${quote(id)} could not be read: ${why}`);
      return false;
    }
    if (!parsed) {
      const list = COURSE_IDS.filter((c) => LESSON_FILES.has(c)).join(', ');
      this.say('lesson.noLesson', { id: quote(id), list }, `There is no lesson ${quote(id)}; the course has ${list}.`);
      return false;
    }
    return this.start(parsed, courseMessagesOf(), false, stepNumber);
  }

  openFile(name: string, text: string): boolean {
    const read = readLessonFile(text, courseMessagesOf());
    if ('problem' in read) {
      this.state.notify(`Could not open ${name}: ${read.problem}. The current run is kept.`);
      return false;
    }
    return this.start(read.parsed, read.messages, true, 1);
  }

  attach(id: string, stepNumber: number, from: number | undefined): boolean {
    const parsed = course(id);
    const run = this.state.runs.a;
    const matches = parsed && currentScenario(run).id === parsed.setup.scenario.id && run.seed === parsed.setup.seed;
    if (!parsed || !matches || stepNumber > parsed.lesson.steps.length) return this.open(id, stepNumber);
    this.parsed = parsed;
    this.starts.clear();
    const at = Math.min(from ?? this.state.clock.displayTime, run.headTime);
    this.enterLesson(parsed, courseMessagesOf(), false, stepNumber - 1, at);
    return true;
  }

  private start(parsed: ParsedLesson, messages: Messages, fromFile: boolean, stepNumber: number): boolean {
    const total = parsed.lesson.steps.length;
    if (!Number.isInteger(stepNumber) || stepNumber < 1 || stepNumber > total) {
      this.say('lesson.badStep', { id: quote(parsed.lesson.id), total, n: stepNumber }, `The lesson ${quote(parsed.lesson.id)} has steps 1 to ${total}, not ${stepNumber}: it opens at step 1.`);
      stepNumber = 1;
    }
    let point;
    try {
      point = courseTo(parsed, stepNumber - 1);
    } catch (e) {
      const why = (e as Error).message;
      this.say('lesson.cannotRun', { id: quote(parsed.lesson.id), n: stepNumber, why }, `The lesson ${quote(parsed.lesson.id)} could not be run to step ${stepNumber}: ${why}. The current run is kept.`);
      return false;
    }
    this.acting = true;
    try {
      // a lesson starts from its own run: no run B from before beside it
      this.compared = closeLessonComparison(this.store, this.state.runs.b ? -1 : null);
      if (!this.loadRun(parsed, point.conf)) return false;
      const run = this.state.runs.a;
      // the commands at the very start are given now, the rest are the run's future
      for (const c of point.commands.filter((x) => x.at <= 0)) this.apply(c.command);
      const later = point.commands.filter((x) => x.at > 0);
      const now = this.state.runs.a;
      now.recorder.commands.push(...later);
      now.driver.advanceTo(point.at, Infinity);
      this.store.setState((s) => ({ clock: { ...s.clock, displayTime: s.runs.a.sim.now, playing: false } }));
      this.parsed = parsed;
      this.starts.clear();
      point.starts.forEach((at, i) => { if (at !== null) this.starts.set(i, { recorder: run.recorder, at }); });
    } finally {
      this.acting = false;
    }
    this.enterLesson(parsed, messages, fromFile, stepNumber - 1, this.state.runs.a.sim.now);
    return true;
  }

  /** A fresh run of the lesson's job with `conf`; false (the run kept) when it does not start. */
  private loadRun(parsed: ParsedLesson, conf: Record<string, string>): boolean {
    const actions = this.state.runs.a.actions;
    const spec = parsed.setup.scenario;
    if (typeof parsed.lesson.scenario === 'string') return actions.load(parsed.lesson.scenario, parsed.setup.seed, conf);
    // a scenario written into the lesson: opened as a scenario file's, then run with the lesson's seed and settings
    if (!actions.openScenarioFile(`${parsed.lesson.id}.json`, JSON.stringify(spec))) return false;
    return this.state.runs.a.actions.load(spec.id, parsed.setup.seed, conf, true);
  }

  private enterLesson(parsed: ParsedLesson, messages: Messages, fromFile: boolean, step: number, at: number): void {
    this.parsed = parsed;
    const lesson: LessonState = {
      id: parsed.lesson.id, fromFile, lesson: parsed.lesson, messages, step, done: false, from: at,
      stopAt: null, fired: false, closed: false, goal: null, answer: null, answerFirst: false, hint: false, showing: false, problem: null,
    };
    this.store.setState({ lesson });
    this.begin(step, at);
  }

  // ---- a step

  /** Step `i` begins at `at` in the run on screen: its window is worked out, its view applied, the clock paused. */
  private begin(i: number, at: number): void {
    const run = this.state.runs.a;
    this.starts.set(i, { recorder: run.recorder, at });
    this.base = null;
    this.solutionOutcome = null;
    this.setLesson({ step: i, from: at, done: false, answer: null, answerFirst: false, hint: false, showing: false, closed: false, problem: null });
    this.predict();
    const step = this.step(i);
    const { viewActions, clockActions } = this.state;
    clockActions.pause();
    viewActions.setHighlights(step.highlight ?? []);
    if (step.tab) viewActions.setTab(step.tab);
    if (step.select !== undefined) {
      const sid = findSubtask(run.sim.state.plan, step.select);
      if (sid !== undefined) viewActions.select(sid);
    }
    this.seen = { recorder: run.recorder, commands: run.commands };
    this.compared = stepComparison(this.store, this.parsed!.lesson.steps, i, this.compared);
  }

  /** The step's window on the run as its commands stand: when it closes, and what holds then. */
  private predict(): void {
    const lesson = this.state.lesson;
    if (!lesson || lesson.done) return;
    const run = this.state.runs.a;
    const step = this.step();
    const before = JSON.stringify(run.commands.filter((c) => c.at < lesson.from));
    try {
      if (!this.base || this.base.recorder !== run.recorder || this.base.at !== lesson.from || this.base.commandsBefore !== before) {
        this.base = { recorder: run.recorder, at: lesson.from, commandsBefore: before, run: lessonRunAt(pageSetup(run), lesson.from) };
        this.solutionOutcome = null;
      }
      this.outcome = runStep(this.base.run, step, stepCommands(run.commands, lesson.from));
    } catch (e) {
      this.outcome = null;
      this.setLesson({ stopAt: null, problem: (e as Error).message });
      return;
    }
    const o = this.outcome;
    const hasWindow = step.until !== undefined || step.within !== undefined;
    this.setLesson({
      stopAt: hasWindow ? o.endedAt : null,
      fired: o.fired && step.until !== undefined,
      goal: step.goal ? o.goal ?? false : null,
      problem: o.error ?? null,
    });
  }

  /** The store moved: a new run, new commands, the clock at the step's moment. */
  private follow(s: AppState): void {
    if (this.acting || !s.lesson || !this.parsed || s.lesson.done) return;
    const run = s.runs.a;
    this.acting = true;
    try {
      if (this.seen && run.recorder !== this.seen.recorder) {
        // another scenario: the lesson is left; the lesson's job again (Reset, a setting that shapes the job): the step begins again with it
        if (currentScenario(run).id !== this.parsed.setup.scenario.id) {
          this.leave();
          return;
        }
        this.seen = { recorder: run.recorder, commands: run.commands };
        this.starts.set(s.lesson.step, { recorder: run.recorder, at: 0 });
        this.setLesson({ from: 0, closed: false });
        this.base = null;
        this.predict();
      } else if (this.seen && run.commands !== this.seen.commands) {
        this.seen = { recorder: run.recorder, commands: run.commands };
        this.predict();
      }
      this.watchClock();
    } finally {
      this.acting = false;
    }
  }

  /** Pauses at the moment the step's window closes; an unanswered question stops the run before its reveal. */
  private watchClock(): void {
    const { lesson, clock } = this.state;
    if (!lesson || lesson.stopAt === null) return;
    const t = clock.displayTime;
    if (lesson.closed && t < lesson.stopAt) this.setLesson({ closed: false });
    if (lesson.closed || t < lesson.from) return;
    if (clock.playing && this.step().ask && !lesson.answer && t < lesson.stopAt) {
      this.state.clockActions.pause();
      this.setLesson({ answerFirst: true });
      return;
    }
    // a job that finished (stop-with-savepoint) has no moment left to reach: the step ends where it stopped
    const run = this.state.runs.a;
    if (!clock.playing && t < lesson.stopAt && run.sim.now === t && (run.driver.finished() || run.driver.nextTime() === undefined)) {
      this.setLesson({ closed: true, showing: false, stopAt: t });
      return;
    }
    if (t >= lesson.stopAt) {
      if (t > lesson.stopAt) this.state.clockActions.seek(lesson.stopAt);
      else this.state.clockActions.pause();
      this.setLesson({ closed: true, showing: false });
    }
  }

  /** Runs the run on screen to `t` at once (Next before the step's moment came). */
  private jumpTo(t: number): void {
    const run = this.state.runs.a;
    if (run.sim.now < t) run.driver.advanceTo(t, Infinity);
    this.store.setState((s) => ({ clock: { ...s.clock, displayTime: s.runs.a.sim.now, playing: false } }));
  }

  next(): void {
    const lesson = this.state.lesson;
    if (!lesson || !this.parsed || lesson.done) return;
    this.acting = true;
    try {
      if (lesson.stopAt !== null && !lesson.closed) this.jumpTo(lesson.stopAt);
      else this.state.clockActions.pause();
    } finally {
      this.acting = false;
    }
    const nextStep = lesson.step + 1;
    if (nextStep >= this.parsed.lesson.steps.length) {
      if (!lesson.fromFile) markFinished(lesson.id, COURSE_IDS);
      this.setLesson({ done: true, stopAt: null });
      this.state.viewActions.setHighlights([]);
      return;
    }
    this.begin(nextStep, this.state.clock.displayTime);
  }

  previous(): void {
    const lesson = this.state.lesson;
    if (!lesson) return;
    if (lesson.done) {
      this.setLesson({ done: false });
      this.goTo(lesson.step, false);
      return;
    }
    if (lesson.step === 0) this.resetStep();
    else this.goTo(lesson.step - 1, false);
  }

  resetStep(): void {
    const lesson = this.state.lesson;
    if (!lesson) return;
    this.goTo(lesson.step, true);
  }

  /** Step `i` as it began: the run on screen sought back to that moment (or, in a run left behind, worked out again). */
  private goTo(i: number, dropFuture: boolean): void {
    const run = this.state.runs.a;
    const start = this.starts.get(i);
    if (!start || start.recorder !== run.recorder || start.at > run.headTime) {
      const lesson = this.state.lesson!;
      if (lesson.fromFile) this.start(this.parsed!, lesson.messages, true, i + 1);
      else this.open(lesson.id, i + 1);
      return;
    }
    this.acting = true;
    try {
      this.state.clockActions.seek(start.at);
      if (dropFuture) {
        discardFuture(run.recorder, start.at);
        run.driver.advanceTo(start.at, 0);
      }
    } finally {
      this.acting = false;
    }
    this.begin(i, start.at);
  }

  // ---- the learner

  answer(option: string): void {
    const lesson = this.state.lesson;
    const step = this.parsed && lesson ? this.step() : null;
    if (!lesson || !step?.ask || lesson.answer?.correct) return;
    if (!step.ask.options.some((o) => o.id === option)) return;
    let value;
    try {
      // after the reveal: what the run on screen shows; before it: where the step leads (with a goal: once it is reached)
      const revealed = lesson.closed && this.outcome && (!step.goal || this.outcome.goal);
      if (revealed || !step.goal) value = this.outcome?.value;
      else {
        this.solutionOutcome ??= runStep(this.base!.run, step, step.solution ?? []);
        value = this.solutionOutcome.value;
      }
    } catch (e) {
      this.setLesson({ problem: (e as Error).message });
      return;
    }
    const right = rightOption(step, value);
    if (right === undefined) {
      this.setLesson({ problem: `the engine computes ${step.ask.compute.fact} = ${JSON.stringify(value)}, which no option stands for` });
      return;
    }
    const correct = right === option;
    this.setLesson({ answer: { option, correct, right: correct ? right : undefined }, answerFirst: false });
  }

  showMe(): void {
    const lesson = this.state.lesson;
    const step = this.parsed && lesson ? this.step() : null;
    if (!lesson || !step?.solution) return;
    const solution = step.solution;
    // as the headless check (LessonRun) applies them: a set-config command as it is; one the running job refuses starts a new run
    const { sim } = this.state.runs.a;
    const shaping = solution.map((c, i) => (c.command.kind === 'set-config' && shapesTheJob(sim.state, c.command.conf) ? i : -1)).filter((i) => i >= 0);
    const k = shaping.length ? shaping[shaping.length - 1] : -1;
    let rest: RecordedCommand[] = solution;
    this.acting = true;
    try {
      if (k >= 0) {
        // a setting that shapes the job starts a new run: the solution goes on in it from its start
        const c = solution[k].command as Extract<UserCommand, { kind: 'set-config' }>;
        const run = this.state.runs.a;
        if (!run.actions.applySettings({ ...settingsInForce(run, run.sim.state.now), ...c.conf })) return;
        rest = solution.slice(k + 1).map((x) => ({ at: x.at - solution[k].at, command: x.command }));
      } else {
        const start = this.starts.get(lesson.step);
        this.state.clockActions.seek(start?.at ?? lesson.from);
      }
      const run = this.state.runs.a;
      const from = run.sim.now;
      discardFuture(run.recorder, from);
      for (const c of rest.filter((x) => x.at <= 0)) this.apply(c.command);
      const now = this.state.runs.a;
      now.recorder.commands.push(...rest.filter((x) => x.at > 0).map((x) => ({ at: from + x.at, command: x.command })));
      now.driver.advanceTo(from, 0);
      this.starts.set(lesson.step, { recorder: now.recorder, at: from });
      this.seen = { recorder: now.recorder, commands: this.state.runs.a.commands };
      this.setLesson({ from, closed: false, showing: true, hint: true });
      this.base = null;
      this.predict();
    } finally {
      this.acting = false;
    }
    this.state.clockActions.play();
  }

  toggleHint(): void {
    this.setLesson({ hint: !this.state.lesson?.hint });
  }

  explore(): void {
    this.leave();
  }

  private leave(): void {
    this.parsed = null;
    this.base = null;
    this.outcome = null;
    this.starts.clear();
    this.store.setState((s) => ({ lesson: null, view: { ...s.view, highlights: [] } }));
  }

  /** A command of the lesson given now, through the run's own actions (as the learner's buttons give it). */
  private apply(c: UserCommand): void {
    const run = this.state.runs.a;
    const a = run.actions;
    switch (c.kind) {
      case 'fault': a.injectFault(c.fault); break;
      case 'arm-fault': a.armFault(c.fault, c.when); break;
      case 'trigger-checkpoint': a.triggerCheckpoint(); break;
      case 'trigger-savepoint': a.triggerSavepoint(); break;
      case 'stop-with-savepoint': a.stopWithSavepoint(); break;
      // as LessonRun gives it: the running job takes it as it is; a new run gets it on top of the run's settings
      case 'set-config': a.applySettings(shapesTheJob(run.sim.state, c.conf) ? { ...settingsInForce(run, run.sim.state.now), ...c.conf } : c.conf); break;
      case 'restore': a.restoreFrom(c.snapshotId, c.parallelism, c.allowNonRestoredState); break;
    }
  }
}

/** The player of this store (made once). */
export function lessonPlayer(store: AppStoreApi): LessonControls {
  const player = new Player(store);
  registerLessonControls(store, player);
  return player;
}

export { LessonError };
