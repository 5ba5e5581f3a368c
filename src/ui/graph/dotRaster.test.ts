import { describe, expect, it } from 'vitest';
import { discCoverage, DotRaster, rgbOf } from './dotRaster';

const BLUE = { r: 0, g: 114, b: 178 };
const ORANGE = { r: 230, g: 159, b: 0 };

function pixel(r: DotRaster, x: number, y: number): [number, number, number, number] {
  const i = (y * r.width + x) * 4;
  const p = r.pixels();
  return [p[i], p[i + 1], p[i + 2], p[i + 3]];
}

describe('DotRaster', () => {
  it('stamps a disc whose every pixel has the coverage a canvas fill of the same disc gives it', () => {
    const r = new DotRaster();
    r.resize(40, 30);
    // centres on quarter pixels: exactly where the masks are made
    for (const [cx, cy, radius] of [[10.5, 10.5, 3], [20.25, 12.75, 3.24], [7, 20, 4.5]]) {
      r.clear();
      r.disc(cx, cy, radius, BLUE);
      for (let y = 0; y < r.height; y++) {
        for (let x = 0; x < r.width; x++) {
          const want = discCoverage(x, y, cx, cy, radius) * 255;
          const [red, g, b, a] = pixel(r, x, y);
          // coverage is kept in 1/256ths, radii in 1/256ths of a pixel
          expect(Math.abs(a - want)).toBeLessThanOrEqual(1.5);
          if (a > 0) expect([red, g, b]).toEqual([BLUE.r, BLUE.g, BLUE.b]);
        }
      }
    }
  });

  it('blends a disc over another as source-over: an edge pixel mixes the two colours, the interior is the top one', () => {
    const r = new DotRaster();
    r.resize(30, 30);
    r.disc(15.5, 15.5, 6, BLUE);
    r.disc(17.5, 15.5, 3, ORANGE);
    expect(pixel(r, 17, 15)).toEqual([ORANGE.r, ORANGE.g, ORANGE.b, 255]);
    // an edge pixel of the orange disc lying over the blue one: between them, opaque
    const cover = discCoverage(20, 15, 17.5, 15.5, 3);
    expect(cover).toBeGreaterThan(0.2);
    expect(cover).toBeLessThan(0.9);
    const [red, g, b, a] = pixel(r, 20, 15);
    expect(a).toBe(255);
    expect(Math.abs(red - (ORANGE.r * cover + BLUE.r * (1 - cover)))).toBeLessThanOrEqual(2);
    expect(Math.abs(g - (ORANGE.g * cover + BLUE.g * (1 - cover)))).toBeLessThanOrEqual(2);
    expect(Math.abs(b - (ORANGE.b * cover + BLUE.b * (1 - cover)))).toBeLessThanOrEqual(2);
  });

  it('clips at the buffer’s edges, draws nothing for a dot outside or at no place, and clears only what it wrote', () => {
    const r = new DotRaster();
    r.resize(20, 10);
    r.disc(-1, 5, 3, BLUE);
    r.disc(100, 100, 3, BLUE);
    r.disc(NaN, 5, 3, BLUE);
    expect(pixel(r, 0, 5)[3]).toBe(255);
    // the written region is the dot's square, cut at the buffer's edges
    expect(r.written()).toEqual([0, 0, 3, 9]);
    r.rect(15.5, 2, 25, 6, ORANGE);
    expect(pixel(r, 15, 3)).toEqual([ORANGE.r, ORANGE.g, ORANGE.b, 128]);
    expect(pixel(r, 19, 3)).toEqual([ORANGE.r, ORANGE.g, ORANGE.b, 255]);
    r.clear();
    expect(r.pixels().every((v) => v === 0)).toBe(true);
    expect(r.written()).toEqual([20, 10, 0, 0]);
  });

  it('puts only the region drawn, at the canvas’s pixel origin', () => {
    const r = new DotRaster();
    r.resize(50, 40);
    const calls: unknown[][] = [];
    const ctx = { putImageData: (...args: unknown[]) => calls.push(args) } as unknown as CanvasRenderingContext2D;
    r.put(ctx);
    expect(calls).toEqual([]);
    const G = globalThis as { ImageData?: unknown };
    const had = G.ImageData;
    // node has no ImageData: the stand-in keeps what the raster hands the canvas
    G.ImageData ??= class { constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {} };
    try {
      r.disc(10.5, 20.5, 2, BLUE);
      r.put(ctx);
      expect(calls).toHaveLength(1);
      const [image, dx, dy, x, y, w, h] = calls[0] as [{ data: Uint8ClampedArray; width: number }, number, number, number, number, number, number];
      expect([dx, dy, x, y, w, h]).toEqual([0, 0, 7, 17, 7, 7]);
      expect(image.data).toBe(r.pixels());
      expect(image.width).toBe(50);
    } finally {
      G.ImageData = had;
    }
  });
});

describe('rgbOf', () => {
  it('reads the colours the graph draws records in: #rrggbb, #rgb and hsl()', () => {
    expect(rgbOf('#0072B2')).toEqual(BLUE);
    expect(rgbOf('#fff')).toEqual({ r: 255, g: 255, b: 255 });
    expect(rgbOf('hsl(0 100% 50%)')).toEqual({ r: 255, g: 0, b: 0 });
    expect(rgbOf('hsl(120 100% 25%)')).toEqual({ r: 0, g: 128, b: 0 });
    expect(rgbOf('hsl(210 70% 40%)')).toEqual({ r: 31, g: 102, b: 173 });
    expect(() => rgbOf('papayawhip')).toThrow(/cannot read/);
  });
});
