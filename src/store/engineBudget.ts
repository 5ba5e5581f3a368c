// How many engine events one animation frame may run, so that at any speed the engine takes about
// its share of the frame and the rest is left for drawing: the events per millisecond measured over
// the last frames, times the share. When the engine cannot keep up with the speed, the run shows
// fewer simulated seconds per real second rather than the page dropping frames.

export const ENGINE_FRAME_MS = 6;
/** the smallest share of a frame the engine is left when the page's drawing takes the rest */
export const ENGINE_FRAME_MIN_MS = 1.5;
/** a frame at 60 Hz: longer frames than this take the engine's share down (a busy page, a slow laptop) */
export const FRAME_TARGET_MS = 1000 / 60;
/** a longer gap between two frames is not a frame's length */
export const FRAME_GAP_MS = 250;
/** never fewer events than this in a frame: a run always moves, even past a burst of events at one instant */
export const MIN_EVENTS_PER_FRAME = 2_000;

export class EngineBudget {
  /** events per millisecond, smoothed; a modest guess until measured */
  private rate = 50;
  /** the engine's milliseconds of the next frame: `frameMs` while frames keep 60 Hz, less when they do not */
  private share: number;

  constructor(private readonly frameMs = ENGINE_FRAME_MS, private readonly maxEvents = Infinity) {
    this.share = frameMs;
  }

  /** The events the next frame may run. */
  events(): number {
    return Math.min(this.maxEvents, Math.max(MIN_EVENTS_PER_FRAME, Math.floor(this.rate * this.share)));
  }

  /** The engine's share of a frame now, in milliseconds. */
  shareMs(): number {
    return this.share;
  }

  /** What the last frame's engine work took: `events` events in `ms` milliseconds. */
  observe(events: number, ms: number): void {
    // too little work or time says nothing about the rate (timers are coarse)
    if (events < 50 || ms < 0.5) return;
    this.rate = 0.7 * this.rate + 0.3 * (events / ms);
  }

  /**
   * How long the last frame took from start to start (the animation frame's delta). A frame over
   * 60 Hz while the engine used its whole share takes the share down by a fifth; frames with room
   * to spare give it back a little at a time, so drawing keeps its frame rate and fast-forward
   * runs fewer simulated seconds per real second instead (issue 16).
   */
  observeFrame(frameMs: number, engineBound: boolean): void {
    // a pause, a tab in the background or a stalled machine says nothing about what drawing costs
    if (!Number.isFinite(frameMs) || frameMs <= 0 || frameMs > FRAME_GAP_MS) return;
    if (frameMs > FRAME_TARGET_MS * 1.05) {
      if (engineBound) this.share = Math.max(ENGINE_FRAME_MIN_MS, this.share * 0.8);
    } else if (frameMs < FRAME_TARGET_MS * 0.85) this.share = Math.min(this.frameMs, this.share + 0.25);
  }
}
