import { describe, expect, it } from 'vitest';
import { builtinScenario, formatTraceHash, Simulation } from '../../engine';
import { createAppStore } from '../../store/appStore';
import type { AppState } from '../../store/appState';
import { startEmbedBridge, type EmbedLessons } from './bridge';
import { EMBED_SOURCE, type EmbedOutbound } from './protocol';

type Listener = (e: { source: unknown; origin: string; data: unknown }) => void;

/** an embedded page's window and its host, as far as the bridge sees them */
function windows() {
  const listeners: Listener[] = [];
  const posted: { message: EmbedOutbound; origin: string }[] = [];
  const host = { postMessage: (message: EmbedOutbound, origin: string) => posted.push({ message, origin }) };
  const own = {
    addEventListener: (_: string, fn: Listener) => listeners.push(fn),
    removeEventListener: (_: string, fn: Listener) => listeners.splice(listeners.indexOf(fn), 1),
  };
  const send = (data: unknown, source: unknown = host, origin = 'https://course.example') => {
    for (const l of [...listeners]) l({ source, origin, data });
  };
  return { host, own, posted, send, listeners };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const now = (later: () => void) => later();
const hashAt = (id: string, ms: number) => {
  const sim = Simulation.create(builtinScenario(id)!);
  sim.runUntil(ms);
  return formatTraceHash(sim.state.traceHash);
};

describe('the embed bridge', () => {
  it('says ready once, then obeys the host: load, play, pause, seek forward and back, step, getState', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    const w = windows();
    startEmbedBridge(store, w as never, undefined, now);
    expect(w.posted).toEqual([{ message: { source: EMBED_SOURCE, type: 'ready' }, origin: '*' }]);
    w.send({ source: EMBED_SOURCE, type: 'load', scenario: 'two-inputs' });
    w.send({ source: EMBED_SOURCE, type: 'play' });
    await settle();
    expect(store.getState().runs.a.scenarioId).toBe('two-inputs');
    expect(store.getState().clock.playing).toBe(true);
    w.send({ source: EMBED_SOURCE, type: 'pause' });
    w.send({ source: EMBED_SOURCE, type: 'seek', t: 30_000 });
    w.send({ source: EMBED_SOURCE, type: 'getState' });
    await settle();
    // the engine's own hash of that scenario at 30 s (the `sim` command prints the same)
    expect(w.posted.at(-1)).toEqual({ message: { source: EMBED_SOURCE, type: 'state', simTime: 30_000, playing: false, traceHash: hashAt('two-inputs', 30_000) }, origin: 'https://course.example' });
    w.send({ source: EMBED_SOURCE, type: 'seek', t: 2500 });
    w.send({ source: EMBED_SOURCE, type: 'getState' });
    await settle();
    expect(w.posted.at(-1)!.message).toMatchObject({ type: 'state', simTime: 2500, traceHash: hashAt('two-inputs', 2500) });
    w.send({ source: EMBED_SOURCE, type: 'step' });
    w.send({ source: EMBED_SOURCE, type: 'getState' });
    await settle();
    const stepped = w.posted.at(-1)!.message as { simTime: number };
    expect(stepped.simTime).toBeGreaterThan(2500);
    expect(w.posted.filter((p) => p.message.type === 'ready')).toHaveLength(1);
  });

  it('ignores what is not from its host or not tagged, and answers a bad message with what is wrong', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    const w = windows();
    startEmbedBridge(store, w as never, undefined, now);
    w.send({ source: EMBED_SOURCE, type: 'play' }, { postMessage() {} });
    w.send({ type: 'play' });
    w.send('play');
    await settle();
    expect(store.getState().clock.playing).toBe(false);
    expect(w.posted).toHaveLength(1);
    w.send({ source: EMBED_SOURCE, type: 'seek', t: 'soon' }, w.host, 'null');
    w.send({ source: EMBED_SOURCE, type: 'load', scenario: 'nowhere' });
    w.send({ source: EMBED_SOURCE, type: 'load', lesson: 'barriers' });
    await settle();
    const errors = w.posted.slice(1);
    expect(errors.map((p) => p.message.type)).toEqual(['error', 'error', 'error']);
    expect(errors[0].origin).toBe('*');
    expect((errors[0].message as { message: string }).message).toMatch(/^seek: t: /);
    expect((errors[1].message as { message: string }).message).toMatch(/scenario "nowhere" does not exist/);
    expect((errors[2].message as { message: string }).message).toMatch(/no lesson player/);
    expect(store.getState().runs.a.scenarioId).toBe('default');
  });

  it('tells the host whenever the lesson step changes, and carries it in the state', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    let shown: { lesson: string; step: number } | null = null;
    const lessons: EmbedLessons = {
      open(id, step) {
        if (id !== 'barriers') return `lesson "${id}" does not exist`;
        shown = { lesson: id, step: step ?? 1 };
        store.setState({});
        return undefined;
      },
      current: (_: AppState) => shown,
    };
    const w = windows();
    startEmbedBridge(store, w as never, lessons, now);
    w.send({ source: EMBED_SOURCE, type: 'load', lesson: 'barriers', step: 2 });
    w.send({ source: EMBED_SOURCE, type: 'load', lesson: 'nope' });
    await settle();
    expect(w.posted.slice(1).map((p) => p.message)).toEqual([
      { source: EMBED_SOURCE, type: 'state', simTime: 0, playing: false, traceHash: expect.any(String), lesson: 'barriers', step: 2 },
      { source: EMBED_SOURCE, type: 'error', message: 'load: lesson "nope" does not exist' },
    ]);
  });

  it('refuses a flood rather than queueing it', async () => {
    const store = createAppStore({}, { scheduler: 'sync' });
    const w = windows();
    let release = () => {};
    startEmbedBridge(store, w as never, undefined, (fn) => { release = fn; });
    w.send({ source: EMBED_SOURCE, type: 'seek', t: 3_000_000 });
    for (let i = 0; i < 80; i++) w.send({ source: EMBED_SOURCE, type: 'getState' });
    const refused = w.posted.filter((p) => p.message.type === 'error');
    expect(refused.length).toBe(80 - 64);
    expect((refused[0].message as { message: string }).message).toMatch(/64 commands are already waiting/);
    expect(typeof release).toBe('function');
  });
});
