import { formatTraceHash } from '../../engine';
import type { AppState } from '../../store/appState';
import type { AppStoreApi } from '../../store/appStore';
import { EMBED_SOURCE, isForUs, parseEmbedMessage, type EmbedCommand, type EmbedLoad, type EmbedOutbound, type EmbedState } from './protocol';
import { seekEmbedded, type Later } from './seek';

// The embedded page's side of the postMessage API (CONTRACTS.md section 6). Only the window that
// holds this page (its parent) is listened to; anything else, or anything not tagged with our
// source, is ignored. Commands run one after the other, so a `getState` after a `seek` sees the
// moment sought.

/** what the lesson player offers the bridge: opening a lesson, and which lesson and step are shown */
export interface EmbedLessons {
  /** opens lesson `id` at `step` (from 1); resolves with why it could not, in words, or undefined */
  open(id: string, step: number | undefined): Promise<string | undefined> | string | undefined;
  current(s: AppState): { lesson: string; step: number } | null;
  /** leaves the lesson shown (a scenario is loaded instead) */
  leave?(): void;
}

/** the two windows the bridge stands between: ours (listened on) and the host (posted to) */
export interface EmbedWindows {
  own: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  host: Pick<Window, 'postMessage'>;
}

/** commands waiting while one runs: a flood beyond this is refused, not queued */
export const MAX_QUEUED = 64;

export function embedState(s: AppState, lessons: EmbedLessons | undefined): EmbedState {
  const out: EmbedState = {
    source: EMBED_SOURCE,
    type: 'state',
    simTime: s.clock.displayTime,
    playing: s.clock.playing,
    traceHash: formatTraceHash(s.runs.a.sim.state.traceHash),
  };
  const lesson = lessons?.current(s);
  if (lesson) {
    out.lesson = lesson.lesson;
    out.step = lesson.step;
  }
  return out;
}

async function load(store: AppStoreApi, command: EmbedLoad, lessons: EmbedLessons | undefined): Promise<string | undefined> {
  if (command.lesson !== undefined) {
    if (!lessons) return 'load: this page has no lesson player.';
    const problem = await lessons.open(command.lesson, command.step);
    return problem === undefined ? undefined : `load: ${problem}`;
  }
  if (lessons?.current(store.getState())) lessons.leave?.();
  const s = store.getState();
  const before = s.notices.length;
  const ok = s.runs.a.actions.load(command.scenario!, command.seed, command.conf ?? {});
  if (ok) return undefined;
  return `load: ${store.getState().notices.slice(before).join(' ') || 'the scenario did not start.'}`;
}

/** Listens for the host's commands and answers them; returns the function that stops it. `ready` is sent at once. */
export function startEmbedBridge(store: AppStoreApi, windows: EmbedWindows, lessons?: EmbedLessons, later?: Later): () => void {
  // replies go to the origin the host wrote from; a sandboxed host (origin "null") can only be reached with "*"
  let hostOrigin = '*';
  const post = (message: EmbedOutbound) => windows.host.postMessage(message, hostOrigin);
  const error = (message: string) => post({ source: EMBED_SOURCE, type: 'error', message });

  const run = async (command: EmbedCommand): Promise<void> => {
    const s = store.getState();
    switch (command.type) {
      case 'play': return s.clockActions.play();
      case 'pause': return s.clockActions.pause();
      case 'step': return s.clockActions.step();
      case 'seek': {
        await seekEmbedded(store, command.t, later);
        return;
      }
      case 'getState': return post(embedState(s, lessons));
      case 'load': {
        const problem = await load(store, command, lessons);
        if (problem) error(problem);
        return;
      }
    }
  };

  const queue: EmbedCommand[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    try {
      while (queue.length) {
        try {
          await run(queue.shift()!);
        } catch (e) {
          error(`the page could not do that: ${(e as Error).message}`);
        }
      }
    } finally {
      running = false;
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== windows.host || !isForUs(event.data)) return;
    hostOrigin = event.origin && event.origin !== 'null' ? event.origin : '*';
    const parsed = parseEmbedMessage(event.data);
    if ('error' in parsed) return error(parsed.error);
    if (queue.length >= MAX_QUEUED) return error(`${parsed.command.type}: ${MAX_QUEUED} commands are already waiting; send fewer at once.`);
    queue.push(parsed.command);
    if (!running) void drain();
  };

  // a lesson step that changes (by the learner, or a load) is told to the host
  let shown = lessons?.current(store.getState()) ?? null;
  const unsubscribe = store.subscribe((s) => {
    if (!lessons) return;
    const now = lessons.current(s);
    if (now?.lesson === shown?.lesson && now?.step === shown?.step) return;
    shown = now;
    if (now) post(embedState(s, lessons));
  });

  windows.own.addEventListener('message', onMessage as EventListener);
  post({ source: EMBED_SOURCE, type: 'ready' });
  return () => {
    windows.own.removeEventListener('message', onMessage as EventListener);
    unsubscribe();
  };
}
