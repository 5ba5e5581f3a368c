import { javaHashCode } from '../../engine';

// One colour per key, clearly distinguishable on a projector: a fixed palette for the scenario's
// first keys (the animals), a hue from the key's hash beyond that.

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000', '#000075', '#e6a800'];

let known: string[] = [];

/** Tells the palette which keys the scenario uses, in order, so they get the fixed colours. */
export function setKnownKeys(keys: readonly string[]): void {
  known = keys.slice(0, PALETTE.length);
}

export function keyColour(key: string): string {
  const i = known.indexOf(key);
  if (i >= 0) return PALETTE[i];
  const h = ((javaHashCode(key) % 360) + 360) % 360;
  return `hsl(${h} 70% 45%)`;
}

/** One colour per checkpoint id, for barriers. */
export function checkpointColour(id: number): string {
  const hues = [210, 130, 280, 30, 340, 180, 55, 250];
  return `hsl(${hues[(id - 1) % hues.length]} 85% 38%)`;
}
