import { speedMultiplier } from './speed';

// How often a playing page's components hear what the engine moved. At normal speeds every frame.
// Fast-forwarding, the engine moves the runs every frame but the components (the graph's barriers
// and counters, the timeline, the panels) render anew every few frames: the page draws less per
// simulated second rather than dropping frames (issue 16), and the engine has the time left over.

/**
 * Fast-forwarding, what the runs did is shown every 2 frames above 2×, every 3 above 8× and every 4
 * above 32×: drawing costs the same real time at any speed, and at 50× the page still shows
 * every three simulated seconds anew, while a record crosses a channel within a frame or two.
 */
export const FRAMES_PER_DRAW_OVER: readonly (readonly [speed: number, frames: number])[] = [[32, 4], [8, 3], [2, 2]];

/** Every how many frames the page is shown anew at the speed slider's `position`. */
export function framesPerDraw(position: number): number {
  const speed = speedMultiplier(position);
  for (const [over, frames] of FRAMES_PER_DRAW_OVER) if (speed > over) return frames;
  return 1;
}
