// The Speed slider is logarithmic. Position 0 is "event by event": one engine event per beat.
// Positions 1..100 map to 0.05x .. 50x simulated time per real time; 1x sits at position 40.

export const SPEED_MIN_POSITION = 0;
export const SPEED_MAX_POSITION = 100;
export const DEFAULT_SPEED_POSITION = 40;
/** real milliseconds between events at position 0 */
export const EVENT_BY_EVENT_BEAT_MS = 400;

export function speedMultiplier(position: number): number {
  if (position <= 0) return 0;
  return 0.05 * Math.pow(1000, (position - 1) / 99 * (Math.log10(1000) / 3));
}

export function speedLabel(position: number): string {
  if (position <= 0) return 'event by event';
  const m = speedMultiplier(position);
  return `${m < 1 ? m.toFixed(2) : m < 10 ? m.toFixed(1) : Math.round(m)}×`;
}

/** while fast-forwarding, new keyframes at most this many times a real second (keyframes are a second of simulated time apart or more) */
export const FAST_FORWARD_KEYFRAMES_PER_SECOND = 4;

/**
 * How much further apart the recorder's keyframes fall at the speed slider's `position`
 * (RunRecorder.keyframeStretch): a keyframe clones the whole state, which costs the same real time
 * at any speed; at 50× a second of simulated time apart made a fifth of the page's CPU cloning.
 * Further apart, a seek replays further: at most a quarter of a real second of the run.
 */
export function keyframeStretch(position: number): number {
  return Math.max(1, speedMultiplier(position) / FAST_FORWARD_KEYFRAMES_PER_SECOND);
}
