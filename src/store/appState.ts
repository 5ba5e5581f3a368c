import type { CheckpointPhase, Fault, OracleResult, PhysicalPlan, RecordedCommand, RunCost, RunRecorder, ScenarioSpec, SimState, Simulation } from '../engine';
import type { JobChange } from '../engine/jobs/upgradeJob';
import type { SubmitOptions } from '../engine/jobs/submitJob';
import type { LogLine } from './narrate';
import type { SlicedWork } from './slicedWork';
import type { BranchTree } from './branches';
import type { Messages } from '../lessons/messages';
import type { Lesson } from '../lessons/schema';

// The shape of the page's one store: runs (each a simulation with its recorder), one playback
// clock that moves every run, what the page shows (view), and the notices. Types only: the slices
// that fill them live in runSlice.ts, clockSlice.ts, viewSlice.ts, composed by appStore.ts.

/** room for two runs under one clock (a comparison: the same scenario with other settings) */
export type RunId = 'a' | 'b';

export interface TimelineMarker { time: number; kind: 'trigger' | 'completed' | 'failed' | 'savepoint' | 'fault' | 'restored'; label: string }

export interface RescaleInfo { at: number; snapshotId: number; before: PhysicalPlan; beforeState: SimState; after: PhysicalPlan }

/** what a run is made of: replaying these (and its commands) gives the same run again */
export interface RunSetup {
  scenarioId: string;
  /** a scenario the user opened from a file (or a link carrying one); null: the built-in `scenarioId` */
  customScenario: ScenarioSpec | null;
  seed: number | undefined;
  conf: Record<string, string>;
}

export interface CostResult { at: number; rows: RunCost[]; done: boolean }

export interface RunActions {
  /** a new run of a built-in scenario, or (`sameScenario`) of the scenario in force, file or not */
  load(scenarioId: string, seed?: number, conf?: Record<string, string>, sameScenario?: boolean): boolean;
  /** opens a scenario file's contents: validated, then run (its problems are reported, the current run kept) */
  openScenarioFile(name: string, text: string): boolean;
  reset(): void;
  triggerCheckpoint(): void;
  triggerSavepoint(): void;
  stopWithSavepoint(): void;
  injectFault(fault: Fault): void;
  armFault(fault: Fault, when: CheckpointPhase): void;
  /** new settings: from now on when the running job can take them, else in a new run */
  applySettings(conf: Record<string, string>): boolean;
  /** a new job from a retained checkpoint or savepoint, with new parallelism per operator: a command of the run */
  restoreFrom(snapshotId: number, parallelism: Record<string, number>, allowNonRestoredState: boolean): boolean;
  /** stop-with-savepoint, then the changed job from it (one command of the run) */
  upgradeJob(scenario: ScenarioSpec, allowNonRestoredState: boolean): boolean;
  /** `flink cancel`: retained checkpoints are deleted unless RETAIN_ON_CANCELLATION */
  cancelJob(): boolean;
  /** `flink run` again after the job ended: empty, or from a snapshot (`-s`) in a claim mode; a command of the run */
  submitJob(options: SubmitOptions): boolean;
  checkOracle(): void;
  /** the Cost comparison: this run's setup replayed to this moment with each algorithm, a row per frame */
  compareAlgorithms(): void;
  /** the clock's: every run moves together */
  seek(t: number): void;
  step(): void;
  stepBack(): void;
}

/** What the clock and the store need from a run to move it; not for components. */
export interface RunDriver {
  /** runs toward `to` within `maxEvents`; returns where it got. `light`: the timeline's markers wait */
  advanceTo(to: number, maxEvents: number, light?: boolean): number;
  /** the time of the run's next event or command, or undefined when nothing is left */
  nextTime(): number | undefined;
  /** one event (or a due command); false when nothing is left */
  stepOne(): boolean;
  /**
   * shows the run at `t`. Without `done` at once; with it, a long replay goes on in pieces and
   * `done` gets where the run ended up (where it was, when cancelled). True when it arrived at once.
   */
  seekTo(t: number, done?: (now: number) => void): boolean;
  previousEventTime(t: number): number;
  finished(): boolean;
  /** advancing to `to` as sliced work; `onMove` is told how far it got after every piece */
  replayWork(to: number, onMove: (reached: number) => void): SlicedWork;
}

export interface RunState extends RunSetup {
  id: RunId;
  sim: Simulation;
  /** internal: advances whenever the engine advanced, so selectors reading `sim.state` run again */
  version: number;
  recorder: RunRecorder;
  log: LogLine[];
  /** the exactly-once oracle's last verdict, with the simulated time it was taken at */
  oracle: { at: number; result: OracleResult } | null;
  /** the user's commands of this run (a copy of the recorder's, for the share link) */
  commands: RecordedCommand[];
  /** how far the run has been taken */
  headTime: number;
  markers: TimelineMarker[];
  /** the last restore at or before the time shown: the plans before and after, for the rescale view */
  rescale: RescaleInfo | null;
  /** the last upgrade at or before the time shown, while its job runs: where each operator's state went (the graph marks it) */
  jobChange: JobChange | null;
  cost: CostResult | null;
  actions: RunActions;
  driver: RunDriver;
}

export interface ClockState {
  /** simulated time the page shows; every run has run every event up to it */
  displayTime: number;
  playing: boolean;
  speedPosition: number;
  /** real ms accumulated toward the next beat in event-by-event mode */
  beat: number;
}

export interface ClockActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(position: number): void;
  /** the playback clock: real milliseconds passed since the last frame; plays every run */
  advance(realMs: number): void;
  seek(t: number): void;
  step(): void;
  stepBack(): void;
  /** every run on to the next moment that matters (a checkpoint event, a failure, a restore), within a limit; then paused */
  nextMoment(): void;
  /** every run back to the last moment that matters before the time shown */
  previousMoment(): void;
}

export type SideTab = 'state' | 'checkpoints' | 'faults' | 'snapshots' | 'settings';

export interface ViewState {
  selectedSubtask: number | null;
  tab: SideTab;
  /** stable ids of what to highlight: `count/1`, `map/0->count/1`, `cp:3`, `op:count` */
  highlights: string[];
  lang: 'en' | 'ko';
  presenter: boolean;
  /** event-log kinds to hide ('' shows all) */
  logFilter: string;
}

export interface ViewActions {
  select(subtask: number | null): void;
  setTab(tab: SideTab): void;
  setHighlights(ids: string[]): void;
  setLang(lang: ViewState['lang']): void;
  setPresenter(on: boolean): void;
  setLogFilter(filter: string): void;
}

/** long work done in slices across animation frames: what it is and how far it got */
export interface BusyState { label: string; done: number; total: number }

export interface AppState {
  runs: { a: RunState; b?: RunState };
  clock: ClockState;
  clockActions: ClockActions;
  view: ViewState;
  viewActions: ViewActions;
  /** two runs side by side (compareSlice.ts) */
  compare: CompareState;
  compareActions: CompareActions;
  /** each run's history as a tree of branches (branches.ts) */
  branches: { a: BranchTree; b?: BranchTree };
  branchActions: BranchActions;
  /** the lesson on screen (lessonState.ts; the player is lessonPlayer.ts); null in free play */
  lesson: LessonState | null;
  notices: string[];
  busy: BusyState | null;
  notify(message: string): void;
  dismissNotice(index: number): void;
  /** a second run under the same clock, brought to the time shown; `run`: its commands (decoded JSON, checked here) */
  addRun(id: RunId, setup: RunSetup, run?: unknown): boolean;
  removeRun(id: RunId): void;
  /** stops the long work under way, keeping what it did */
  cancelBusy(): void;
  /** the trace hash of run a's setup run to `ms` without commands (the page's determinism check) */
  referenceTraceHash(ms: number): string;
}

// The shapes of the comparison, branch and lesson slices live here with the others, so the slices
// import this file and it imports none of them.

export interface CompareState {
  /** commands given to one run go to the other one too, at the same simulated moment */
  toBoth: boolean;
  /** the run the side panels show */
  panels: RunId;
}

export interface CompareActions {
  /**
   * Opens run B beside run A: A's scenario with `conf` (and `seed`), B's `run` commands (decoded
   * JSON; by default A's commands but its settings changes, so the same failure strikes both).
   */
  open(conf: Record<string, string>, seed?: number, run?: unknown): boolean;
  close(): void;
  setToBoth(on: boolean): void;
  showPanelsOf(id: RunId): void;
}

export interface BranchActions {
  /** the run (`a` unless said) shows another of its branches */
  switchTo(branch: number, run?: RunId): boolean;
  /** a branch of run A as run B beside run A (on its own branch); run B takes run A's tree */
  openBeside(branch: number): boolean;
}

export interface LessonAnswer {
  option: string;
  correct: boolean;
  /** the option the engine computed (shown once the answer is right) */
  right?: string;
}

export interface LessonState {
  id: string;
  /** a teacher's lesson opened from a file (a link cannot carry it) */
  fromFile: boolean;
  lesson: Lesson;
  /** narration by language: the course's, with a file's own on top */
  messages: Messages;
  /** the step shown, from 0; `done` once the learner went past the last */
  step: number;
  done: boolean;
  /** simulated ms at which the step began in the run on screen */
  from: number;
  /** when the step's window closes: its `until` fires, or its time is up; null: the step has no window */
  stopAt: number | null;
  /** the window closes because `until` fired (false: its time ran out) */
  fired: boolean;
  /** the run on screen reached stopAt: the reveal */
  closed: boolean;
  /** whether the step's goal holds when its window closes (null: no goal) */
  goal: boolean | null;
  answer: LessonAnswer | null;
  /** Play was pressed before the question was answered */
  answerFirst: boolean;
  hint: boolean;
  /** "Show me" is playing the step's solution */
  showing: boolean;
  /** why the player could not work the step out (a run that failed); shown as it is */
  problem: string | null;
}
