import { describe, expect, it } from 'vitest';
import { Simulation, builtinScenario } from '../../engine';
import { KEY_PALETTE, keyColour, sourceKeysOf } from './keyColours';

// Colour-vision deficiencies simulated with Machado, Oliveira & Fernandes (2009), severity 1, on
// linear RGB; colours compared by CIE76 ΔE in Lab.
const CVD: Record<string, number[][]> = {
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function lab(hex: string, m: number[][]): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function minDistance(colours: string[], m: number[][]): number {
  const labs = colours.map((c) => lab(c, m));
  let min = Infinity;
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) min = Math.min(min, Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2]));
  }
  return min;
}

describe('key colours', () => {
  it('the first eight keys stay apart with normal vision and with protanopia, deuteranopia and tritanopia', () => {
    for (const [name, m] of Object.entries(CVD)) {
      expect(minDistance(KEY_PALETTE.slice(0, 8), m), name).toBeGreaterThan(12);
    }
  });

  it('an old rainbow palette would not (the check can fail)', () => {
    expect(minDistance(['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'], CVD.deuteranopia)).toBeLessThan(12);
  });

  it('gives a scenario’s keys the palette in order, and other keys a colour of their own', () => {
    const { plan } = Simulation.create(builtinScenario('default')!).state;
    const keys = sourceKeysOf(plan);
    expect(keys.length).toBeGreaterThan(0);
    expect(keyColour(keys[0], plan)).toBe(KEY_PALETTE[0]);
    expect(new Set(keys.slice(0, KEY_PALETTE.length).map((k) => keyColour(k, plan))).size).toBe(Math.min(keys.length, KEY_PALETTE.length));
    expect(keyColour('not-a-key-of-it', plan)).toMatch(/^hsl\(/);
  });
});
