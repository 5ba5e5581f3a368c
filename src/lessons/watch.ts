import { findChannel, findSubtask, parseDuration, type PhysicalPlan, type TraceEvent } from '../engine';
import { LESSON_EVENTS, matchesEvent, type EventFilter } from './events';
import { FACTS, type RunView } from './facts';
import type { Predicate } from './predicate';

// A predicate, watching a run from the start of a step: it is told every event and asked whether it
// holds. Events count from the moment the watch starts; `atLeast` measures from then too; facts are
// read from the run whenever asked.

export interface Watch {
  onEvent(ev: TraceEvent): void;
  holds(): boolean;
}

export interface WatchContext {
  plan: PhysicalPlan;
  /** simulated time now */
  now(): number;
  /** when the step started */
  startedAt: number;
  view: RunView;
}

function eventWatch(p: Extract<Predicate, { event: string }>, ctx: WatchContext): Watch {
  const filter: EventFilter = {
    type: LESSON_EVENTS.get(p.event)!,
    checkpoint: p.checkpoint,
    subtask: p.subtask === undefined ? undefined : findSubtask(ctx.plan, p.subtask) ?? -1,
    channel: p.channel === undefined ? undefined : findChannel(ctx.plan, p.channel) ?? -1,
  };
  const times = p.times ?? 1;
  let seen = 0;
  return {
    onEvent: (ev) => { if (seen < times && matchesEvent(filter, ev)) seen++; },
    holds: () => seen >= times,
  };
}

export function watch(p: Predicate, ctx: WatchContext): Watch {
  if ('event' in p) return eventWatch(p, ctx);
  if ('atLeast' in p) {
    const ms = parseDuration(p.atLeast) ?? 0;
    return { onEvent: () => {}, holds: () => ctx.now() - ctx.startedAt >= ms };
  }
  if ('fact' in p) {
    const def = FACTS.get(p.fact)!;
    return {
      onEvent: () => {},
      holds: () => {
        const v = def.compute(ctx.view, p);
        if (p.equals !== undefined && v !== p.equals) return false;
        if (p.min !== undefined && !(typeof v === 'number' && v >= p.min)) return false;
        if (p.max !== undefined && !(typeof v === 'number' && v <= p.max)) return false;
        return true;
      },
    };
  }
  if ('not' in p) {
    const w = watch(p.not, ctx);
    return { onEvent: (ev) => w.onEvent(ev), holds: () => !w.holds() };
  }
  if ('all' in p || 'any' in p) {
    const ws = ('all' in p ? p.all : p.any).map((c) => watch(c, ctx));
    const every = 'all' in p;
    return {
      onEvent: (ev) => { for (const w of ws) w.onEvent(ev); },
      holds: () => (every ? ws.every((w) => w.holds()) : ws.some((w) => w.holds())),
    };
  }
  // sequence: each part starts watching once the parts before it hold, at the event that made them hold
  const parts = p.sequence;
  let current = 0;
  let w = watch(parts[0], ctx);
  const advance = () => {
    while (current < parts.length && w.holds()) {
      current++;
      if (current < parts.length) w = watch(parts[current], { ...ctx, startedAt: ctx.now() });
    }
  };
  return {
    onEvent: (ev) => {
      if (current < parts.length) w.onEvent(ev);
      advance();
    },
    holds: () => {
      advance();
      return current >= parts.length;
    },
  };
}
