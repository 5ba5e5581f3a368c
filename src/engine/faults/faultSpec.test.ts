import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { FaultSpecError, MAX_PHASE_CHECKPOINT_ID, MAX_SLOW_FACTOR, parseFaultSpec } from './faultSpec';

// The fault syntax refuses what can never happen or never end, and says so without echoing the
// user's text raw.

const { plan } = Simulation.create(builtinScenario('default')!).state;
const count1 = plan.operators[2].subtasks[1];

function problem(spec: string): string {
  try {
    parseFaultSpec(spec, plan);
  } catch (e) {
    expect(e).toBeInstanceOf(FaultSpecError);
    return (e as Error).message;
  }
  throw new Error(`${spec} was accepted`);
}

describe('slow:<op>/<i>x<factor>', () => {
  it.each([['x1', 1], ['x0.5', 0.5], ['x2.5', 2.5], [`x${MAX_SLOW_FACTOR}`, MAX_SLOW_FACTOR]])('takes %s', (x, factor) => {
    expect(parseFaultSpec(`slow:count/1${x}@1s`, plan).fault).toEqual({ kind: 'slow', subtask: count1, factor });
  });
  it.each(['x0', 'x0.0', 'x-1', 'x1001', 'x1e3', 'xInfinity', 'xNaN', `x${'9'.repeat(150)}`, 'x', 'x1x2'])('refuses %s, naming the rule', (x) => {
    expect(problem(`slow:count/1${x}@1s`)).toMatch(/fault "slow:count\/1x.*is not a slow-down factor; <factor> is a number > 0 and <= 1000/);
  });
  it('explains the shape when the factor is missing', () => {
    expect(problem('slow:count/1@1s')).toMatch(/use slow:<operatorId>\/<subtaskIndex>x<factor>, e\.g\. slow:map\/1x10/);
  });
});

describe('checkpoint phases', () => {
  it('takes ids from 1', () => {
    expect(parseFaultSpec('task:count/1@alignment:1', plan).when).toEqual({ phase: 'alignment', checkpointId: 1, subtask: count1 });
    expect(parseFaultSpec(`jobmanager@completed:${MAX_PHASE_CHECKPOINT_ID}`, plan).when?.checkpointId).toBe(MAX_PHASE_CHECKPOINT_ID);
  });
  it.each(['alignment:0', 'acknowledged:0', 'completed:0', 'completed:00', `completed:${MAX_PHASE_CHECKPOINT_ID + 1}`, `alignment:${'9'.repeat(100)}`])('refuses %s: ids start at 1 and are bounded', (when) => {
    expect(problem(`task:count/1@${when}`)).toMatch(/<n> is a checkpoint id from 1 to 1000000000 \(ids start at 1\)/);
  });
  it.each(['alignment:-1', 'completed:x', 'acknowledged:'])('refuses the malformed phase %s', (when) => {
    expect(problem(`task:count/1@${when}`)).toMatch(/is not a checkpoint phase; <n> is a checkpoint id from 1/);
  });
});

describe('times and durations', () => {
  it.each(['1e400', '1'.repeat(60), '3651 d', '-1 s', 'NaN', 'Infinity', 'soon'])('refuses the time %j', (when) => {
    expect(problem(`jobmanager@${when}`)).toMatch(/is not a time or a checkpoint phase; use a duration such as "5 s" \(up to 10 years\)/);
  });
  it('takes a time up to 10 years', () => {
    expect(parseFaultSpec('jobmanager@3650 d', plan).at).toBe(3650 * 86_400_000);
  });
  it.each(['0 s', '0', '1e3', '3651 d', `${'9'.repeat(150)} ms`, 'long'])('refuses the outage %j', (d) => {
    expect(problem(`storage-outage:${d}@1s`)).toMatch(/is not an outage duration; use a duration > 0 such as "10 s", up to 10 years/);
  });
  it('takes an outage of a moment', () => {
    expect(parseFaultSpec('storage-outage:1 ms@1s', plan).fault).toEqual({ kind: 'storage-outage', durationMs: 1 });
  });
});

describe('indexes', () => {
  it.each([
    ['task:count/2@1s', /"count" has subtasks 0\.\.1/],
    [`task:count/${'9'.repeat(150)}@1s`, /"count" has subtasks 0\.\.1/],
    ['taskmanager:2@1s', /TaskManagers are 0\.\.1/],
    ['taskmanager:-1@1s', /use taskmanager:<index>, where TaskManagers are 0\.\.1/],
    [`channel:${plan.channels.length}@1s`, new RegExp(`channels are 0\\.\\.${plan.channels.length - 1}`)],
    ['task:nope/0@1s', /no operator "nope"; operators are source, map, count, sink/],
  ])('%s is out of range', (spec, message) => {
    expect(problem(spec)).toMatch(message);
  });
});

describe('what a message repeats of the spec', () => {
  it('escapes control characters', () => {
    const message = problem('task:\x1b[31mcount/1@1s');
    expect(message.includes('\x1b')).toBe(false);
    expect(message).toContain('\\u001b[31m');
  });
  it('cuts a long spec and refuses one past the length limit', () => {
    const long = `task:${'a'.repeat(100_000)}/0@1s`;
    const message = problem(long);
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/has 100,010 characters; a fault spec has at most 200/);
    expect(problem(`task:${'a'.repeat(150)}/0@1s`)).toMatch(/no operator "a{40}…"/);
  });
  it('shows the accepted syntax when nothing fits', () => {
    expect(problem('meteor@1s')).toMatch(/fault "meteor@1s" is not understood; use task:<operatorId>.*<factor> > 0 and <= 1000/);
  });
});
