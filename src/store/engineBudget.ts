// How many engine events one animation frame may run, so that at any speed the engine takes about
// `frameMs` of the frame and the rest is left for drawing: the events per millisecond measured over
// the last frames, times the budget. When the engine cannot keep up with the speed, the run shows
// fewer simulated seconds per real second rather than the page dropping frames.

export const ENGINE_FRAME_MS = 6;
/** never fewer events than this in a frame: a run always moves, even past a burst of events at one instant */
export const MIN_EVENTS_PER_FRAME = 2_000;

export class EngineBudget {
  /** events per millisecond, smoothed; a modest guess until measured */
  private rate = 50;

  constructor(private readonly frameMs = ENGINE_FRAME_MS, private readonly maxEvents = Infinity) {}

  /** The events the next frame may run. */
  events(): number {
    return Math.min(this.maxEvents, Math.max(MIN_EVENTS_PER_FRAME, Math.floor(this.rate * this.frameMs)));
  }

  /** What the last frame's engine work took: `events` events in `ms` milliseconds. */
  observe(events: number, ms: number): void {
    // too little work or time says nothing about the rate (timers are coarse)
    if (events < 50 || ms < 0.5) return;
    this.rate = 0.7 * this.rate + 0.3 * (events / ms);
  }
}
