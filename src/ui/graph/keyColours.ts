import { javaHashCode, type PhysicalPlan } from '../../engine';

// One colour per key, told apart on a projector and with the common colour-vision deficiencies:
// the scenario's first keys (the most frequent ones) get the Okabe–Ito palette (Okabe & Ito 2008,
// made for deuteranopia and protanopia), then dark tones from Paul Tol's schemes; keys beyond the
// palette get a hue from their hash. Colour is never the only sign of a key: its name is beside its
// colour in the State panel and the legend. keyColours.test.ts simulates the deficiencies.
// The palette follows the plan of the run being drawn, so two runs side by side each colour their own keys.

export const KEY_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#1A1A1A', '#999933', '#882255', '#44AA99', '#8C6D1F', '#7F7F7F'];

const paletteOf = new WeakMap<PhysicalPlan, Map<string, string>>();

/** The distinct keys the plan's sources list, in order. */
export function sourceKeysOf(plan: PhysicalPlan): string[] {
  return [...new Set(plan.operators.flatMap((o) => o.params.source?.keys ?? []))];
}

function fixedColours(plan: PhysicalPlan): Map<string, string> {
  let colours = paletteOf.get(plan);
  if (!colours) {
    colours = new Map();
    for (const key of sourceKeysOf(plan)) {
      if (colours.size >= KEY_PALETTE.length) break;
      colours.set(key, KEY_PALETTE[colours.size]);
    }
    paletteOf.set(plan, colours);
  }
  return colours;
}

/** The colour of `key` in the run whose plan is `plan`: its sources' first keys get the palette. */
export function keyColour(key: string, plan: PhysicalPlan): string {
  const fixed = fixedColours(plan).get(key);
  if (fixed) return fixed;
  const h = ((javaHashCode(key) % 360) + 360) % 360;
  return `hsl(${h} 70% 40%)`;
}

/** One colour per checkpoint id, for barriers: dark enough for their white-outlined numbers. */
export function checkpointColour(id: number): string {
  const hues = [210, 130, 280, 30, 340, 180, 55, 250];
  return `hsl(${hues[(((id - 1) % hues.length) + hues.length) % hues.length]} 85% 34%)`;
}
