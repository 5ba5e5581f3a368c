import { javaHashCode, type PhysicalPlan } from '../../engine';

// One colour per key, clearly distinguishable on a projector: a fixed palette for the scenario's
// first keys (the animals), a hue from the key's hash beyond that. The palette follows the plan
// of the run being drawn, so two runs side by side each colour their own keys.

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000', '#000075', '#e6a800'];

const paletteOf = new WeakMap<PhysicalPlan, Map<string, string>>();

function fixedColours(plan: PhysicalPlan): Map<string, string> {
  let colours = paletteOf.get(plan);
  if (!colours) {
    colours = new Map();
    for (const key of plan.operators.flatMap((o) => o.params.source?.keys ?? [])) {
      if (colours.size >= PALETTE.length) break;
      if (!colours.has(key)) colours.set(key, PALETTE[colours.size]);
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
  return `hsl(${h} 70% 45%)`;
}

/** One colour per checkpoint id, for barriers. */
export function checkpointColour(id: number): string {
  const hues = [210, 130, 280, 30, 340, 180, 55, 250];
  return `hsl(${hues[(id - 1) % hues.length]} 85% 38%)`;
}
