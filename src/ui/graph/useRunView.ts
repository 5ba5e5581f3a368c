import type { SimState } from '../../engine';
import { viewEqual } from '../../store/equality';
import { runOf, useAppStore, useRunId, useView } from '../../store/react';

/**
 * A view of this subtree's run at the time shown, built by one of the engine's view functions.
 * The component re-renders only when the view's contents change (structural equality).
 */
export function useRunView<T>(select: (state: SimState, displayTime: number) => T): T {
  const id = useRunId();
  return useAppStore((s) => select(runOf(s, id).sim.state, s.clock.displayTime), viewEqual);
}

/** Whether the page highlights this stable id (a lesson step, a hovered log line). */
export function useHighlighted(...ids: string[]): boolean {
  return useView((v) => ids.some((id) => v.highlights.includes(id)));
}
