import { describe, expect, it } from 'vitest';
import { builtinScenario, formatTraceHash, RunRecorder, Simulation, type RecordedCommand } from '../engine';
import { checkLesson } from '../lessons/check';
import { LessonError } from '../lessons/errors';
import { parseLesson } from '../lessons/parse';
import { courseMessagesOf } from './lessonPlayer';
import { createAppStore, type AppStoreApi } from './appStore';
import { commandsForB } from './compareSlice';
import { lessonNext, lessonPrevious, openLesson } from './lessonState';

// A lesson step's `compare`: run B opens beside the lesson's run at that step, with the settings
// the step gives over the run's; it is a run of its own, and the lesson's run is left as it was.

const UNALIGNED = 'execution.checkpointing.unaligned.enabled';

/** One run on its own: `backpressure` with the lesson's seed, `conf` and `commands`, replayed to `t`. */
function alone(conf: Record<string, string>, commands: RecordedCommand[], t: number, seed = 1): string {
  const sim = Simulation.create(builtinScenario('backpressure')!, { seed, conf });
  return formatTraceHash(new RunRecorder(sim.state).replay(sim, commands, t).state.traceHash);
}

const hashOf = (store: AppStoreApi, id: 'a' | 'b') => formatTraceHash(store.getState().runs[id]!.sim.state.traceHash);

describe("a lesson step's comparison", () => {
  it('opens run B at the step with the settings it gives; B is what a single run with those settings is, and A is untouched', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    // `unaligned` step 5 compares the run (unaligned by now) with the same job aligned all along
    expect(await openLesson(store, 'unaligned', 4)).toBe(true);
    expect(store.getState().runs.b).toBeUndefined();
    lessonNext(store);
    const s = store.getState();
    expect(s.lesson!.step).toBe(4);
    const a = s.runs.a;
    const b = s.runs.b!;
    expect(b).toBeDefined();
    expect(a.sim.state.config.raw[UNALIGNED]).toBe('true');
    expect(b.sim.state.config.raw[UNALIGNED]).toBe('false');
    expect(b.seed).toBe(a.seed);
    expect(b.sim.now).toBe(s.clock.displayTime);
    // B replays to its own trace: a single run of its settings with A's commands but the settings changes
    expect(b.commands).toEqual(commandsForB(a.commands));
    expect(hashOf(store, 'b')).toBe(alone(b.conf, commandsForB(a.commands), s.clock.displayTime));
    expect(hashOf(store, 'a')).toBe(alone(a.conf, a.commands, s.clock.displayTime));
    expect(s.compare.toBoth).toBe(false);

    // B stays on the next step, goes away before the step that opened it, comes back with it
    lessonNext(store);
    expect(store.getState().runs.b).toBeDefined();
    lessonPrevious(store);
    lessonPrevious(store);
    expect(store.getState().lesson!.step).toBe(3);
    expect(store.getState().runs.b).toBeUndefined();
    lessonNext(store);
    expect(store.getState().runs.b!.sim.state.config.raw[UNALIGNED]).toBe('false');
  });

  it('a lesson opened at a later step has the comparison an earlier step opened; another lesson closes it', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    expect(await openLesson(store, 'unaligned', 7)).toBe(true);
    const s = store.getState();
    expect(s.runs.b!.sim.now).toBe(s.clock.displayTime);
    expect(s.runs.b!.sim.state.config.raw[UNALIGNED]).toBe('false');
    expect(await openLesson(store, 'backpressure', 1)).toBe(true);
    expect(store.getState().runs.b).toBeUndefined();
  });
});

const lessonWith = (compare: unknown, steps: unknown[] = []) => ({
  id: 'beside', title: 'beside.title', scenario: 'default', seed: 1,
  steps: [...steps, { say: 'beside.say', compare }],
});

function problemsOf(raw: unknown): string[] {
  try {
    parseLesson(raw);
    return [];
  } catch (e) {
    return (e as LessonError).allProblems;
  }
}

describe('the `compare` field of a lesson step, checked', () => {
  it('reads settings and a seed, bounded; says what is wrong with a bad one', () => {
    expect(problemsOf(lessonWith({ conf: { [UNALIGNED]: 'true' }, toBoth: true }))).toEqual([]);
    expect(problemsOf(lessonWith({ seed: 7 }))).toEqual([]);
    expect(problemsOf(lessonWith({}))[0]).toMatch(/steps\.0\.compare: run B would be the very same run/);
    expect(problemsOf(lessonWith({ conf: { 'Not A Key': '1' } }))[0]).toMatch(/steps\.0\.compare\.conf\."Not A Key": not a configuration key/);
    expect(problemsOf(lessonWith({ conf: { 'execution.checkpointing.interval': 'often' } }))[0]).toMatch(/steps\.0\.compare\.conf: .*interval/);
    expect(problemsOf(lessonWith({ conf: { 'no.such.key': '1' } }))[0]).toMatch(/steps\.0\.compare\.conf: .*no\.such\.key/);
    expect(problemsOf(lessonWith({ conf: { [UNALIGNED]: 'true' }, scenario: 'wide' }))[0]).toMatch(/steps\.0\.compare/);
    expect(problemsOf(lessonWith({ seed: -1 }))[0]).toMatch(/steps\.0\.compare\.seed/);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}.x`, '1']));
    expect(problemsOf(lessonWith({ conf: many })).join('\n')).toMatch(/at most 32 keys/);
  });

  it("lessons --check takes run B to the step's moment with the run's commands, and names the step where it cannot", () => {
    const restore = { at: 0, command: { kind: 'restore', snapshotId: 1, parallelism: {}, allowNonRestoredState: false } };
    const steps = [
      { say: 'beside.first', until: { event: 'checkpoint-completed', checkpoint: 1 }, within: '10 s' },
      {
        say: 'beside.restore', within: '5 s', goal: { fact: 'restored-snapshot', equals: 1 }, hint: 'beside.hint',
        solution: [restore], wrongOutcomes: [[{ at: 0, command: { kind: 'trigger-checkpoint' } }]],
      },
    ];
    const messages = new Map([['en', new Map(['title', 'first', 'restore', 'hint', 'say'].map((k) => [`beside.${k}`, k] as const))], ['ko', new Map(['title', 'first', 'restore', 'hint', 'say'].map((k) => [`beside.${k}`, k] as const))]]) as never;
    // run B completes checkpoints as the run does: the restore from checkpoint 1 applies to it too
    expect(checkLesson(lessonWith({ conf: { [UNALIGNED]: 'true' } }, steps), messages).failures).toEqual([]);
    // run B never completes checkpoint 1 (its interval is 10 min): it cannot restore from it
    const r = checkLesson(lessonWith({ conf: { 'execution.checkpointing.interval': '10 min' } }, steps), messages);
    expect(r.ok).toBe(false);
    expect(r.failures.join('\n')).toMatch(/^step 3: compare: run B does not get to the step's moment: .*/m);
    expect(courseMessagesOf()).toBeDefined();
  });
});
