import { speedMultiplier } from './speed';

// How often a playing page's components hear what the engine moved. At normal speeds every frame.
// Fast-forwarding, the engine moves the runs every frame but the components (the graph's barriers
// and counters, the timeline, the panels) render anew every other frame: the page draws less per
// simulated second rather than dropping frames (issue 16), and the engine has the time left over.

/** faster than this many simulated seconds per real second, the page is fast-forwarding */
export const FAST_FORWARD_OVER = 2;
/** fast-forwarding, what the runs did is shown every this many frames */
export const FAST_FORWARD_FRAMES_PER_DRAW = 2;

/** Every how many frames the page is shown anew at the speed slider's `position`. */
export function framesPerDraw(position: number): number {
  return speedMultiplier(position) > FAST_FORWARD_OVER ? FAST_FORWARD_FRAMES_PER_DRAW : 1;
}
