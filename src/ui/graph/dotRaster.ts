// Thousands of record dots a frame, written straight into one RGBA pixel buffer rather than drawn
// one canvas fill each: a software rasteriser takes a few microseconds per fill (path set-up,
// anti-aliasing), which for 6,000 records in flight was most of a frame (bench/pageProbe.ts). Here
// a dot is a stamp of a precomputed coverage mask (its edge anti-aliased as a canvas fill's is),
// blended over what is below it ("source-over"), so the picture is the one the fills drew.

/** a colour as the buffer stores it: red, green, blue, 0..255 (dots are opaque) */
export interface Rgb { r: number; g: number; b: number }

/** masks are made for centres at quarters of a pixel: a dot moves smoothly, not pixel by pixel */
const PHASES = 4;

/**
 * A disc's pixels around its centre pixel: those it covers wholly, then its anti-aliased edge with
 * each pixel's coverage in 1/256ths; as column and row offsets, and as offsets into a buffer row
 * `stride` pixels wide (worked out once per width).
 */
interface Mask {
  reach: number;
  fullDx: Int16Array; fullDy: Int16Array;
  edgeDx: Int16Array; edgeDy: Int16Array; edgeCover: Uint16Array;
  stride: number; fullAt: Int32Array; edgeAt: Int32Array;
}

/** The coverage (0..1) of a disc of radius `radius` centred at (cx, cy) over pixel (px, py). */
export function discCoverage(px: number, py: number, cx: number, cy: number, radius: number): number {
  // the distance from the pixel's centre to the edge, as a canvas's anti-aliasing sees it
  const d = Math.hypot(px + 0.5 - cx, py + 0.5 - cy);
  return Math.max(0, Math.min(1, radius - d + 0.5));
}

/** How much of the span [a, b] lies in pixel [p, p + 1]. */
function spanCoverage(p: number, a: number, b: number): number {
  return Math.max(0, Math.min(p + 1, b) - Math.max(p, a));
}

function makeMask(radius: number, fx: number, fy: number): Mask {
  const reach = Math.ceil(radius) + 1;
  const full: number[] = [];
  const edge: number[] = [];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      // the centre pixel's own centre is at (0.5, 0.5): the disc's centre is a phase right of and below it
      const c = Math.round(256 * discCoverage(dx, dy, 0.5 + fx / PHASES, 0.5 + fy / PHASES, radius));
      if (c >= 256) full.push(dx, dy);
      else if (c > 0) edge.push(dx, dy, c);
    }
  }
  const evenOf = (xs: number[], step: number, at: number) => Int16Array.from(xs.filter((_, i) => i % step === at));
  return {
    reach,
    fullDx: evenOf(full, 2, 0), fullDy: evenOf(full, 2, 1),
    edgeDx: evenOf(edge, 3, 0), edgeDy: evenOf(edge, 3, 1), edgeCover: Uint16Array.from(edge.filter((_, i) => i % 3 === 2)),
    stride: -1, fullAt: new Int32Array(0), edgeAt: new Int32Array(0),
  };
}

/** an opaque colour as one pixel of the buffer's 32-bit view (bytes r, g, b, a in memory; little-endian) */
function packed(c: Rgb): number {
  return (255 << 24) | (c.b << 16) | (c.g << 8) | c.r;
}

/**
 * `r, g, b` at `cover` 1/256ths over a pixel neither empty nor opaque (two anti-aliased edges over
 * each other): each colour weighed by its share of the alpha, rounded to the nearest byte.
 */
function overPartial(below: number, r: number, g: number, b: number, cover: number): number {
  const a = cover * 255;
  const kept = (below >>> 24) * (256 - cover);
  const out = a + kept;
  // one division, not one per channel
  const inv = 1 / out;
  return (((out + 128) >> 8) << 24) | ((((b * a + ((below >>> 16) & 255) * kept) * inv + 0.5) | 0) << 16)
    | ((((g * a + ((below >>> 8) & 255) * kept) * inv + 0.5) | 0) << 8) | (((r * a + (below & 255) * kept) * inv + 0.5) | 0);
}

export class DotRaster {
  width = 0;
  height = 0;
  /** the pixels, RGBA bytes (unpremultiplied, as ImageData holds them), and a 32-bit view of them */
  private bytes = new Uint8ClampedArray(0);
  private px = new Int32Array(0);
  private image: ImageData | null = null;
  private masks = new Map<number, Mask[]>();
  /** the last radius asked for and its masks: a frame stamps thousands of dots of one or two sizes */
  private lastRadius = NaN;
  private lastMasks: Mask[] = [];
  /** the columns and rows written since the last clear: [x0, y0, x1, y1), empty when x0 >= x1 */
  private dirty = [0, 0, 0, 0];
  /** the region the last put() left dots in: the next one puts it again, emptied, with what is new */
  private shown = [0, 0, 0, 0];

  /** Sizes the buffer to the canvas's pixels; a new size starts empty. */
  resize(width: number, height: number): void {
    if (width === this.width && height === this.height && this.bytes.length) return;
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.bytes = new Uint8ClampedArray(this.width * this.height * 4);
    this.px = new Int32Array(this.bytes.buffer);
    this.image = null;
    this.dirty = [this.width, this.height, 0, 0];
    this.shown = [this.width, this.height, 0, 0];
  }

  /** The pixels as RGBA bytes, row after row (what put() puts). */
  pixels(): Uint8ClampedArray {
    return this.bytes;
  }

  /** The region written since the last clear, [x0, y0, x1, y1); empty when x0 >= x1. */
  written(): [number, number, number, number] {
    return [this.dirty[0], this.dirty[1], this.dirty[2], this.dirty[3]];
  }

  /** Clears what the last frame wrote (only that: the rest is still empty). */
  clear(): void {
    const [x0, y0, x1, y1] = this.dirty;
    if (x0 < x1) for (let y = y0; y < y1; y++) this.px.fill(0, y * this.width + x0, y * this.width + x1);
    this.dirty = [this.width, this.height, 0, 0];
  }

  private mark(x0: number, y0: number, x1: number, y1: number): void {
    const d = this.dirty;
    if (x0 < d[0]) d[0] = x0;
    if (y0 < d[1]) d[1] = y0;
    if (x1 > d[2]) d[2] = x1;
    if (y1 > d[3]) d[3] = y1;
  }

  private maskFor(radius: number, fx: number, fy: number): Mask {
    const key = Math.round(radius * 256);
    let byPhase = radius === this.lastRadius ? this.lastMasks : this.masks.get(key);
    if (!byPhase) this.masks.set(key, (byPhase = []));
    this.lastRadius = radius;
    this.lastMasks = byPhase;
    const phase = fy * PHASES + fx;
    const m = byPhase[phase] ?? (byPhase[phase] = makeMask(key / 256, fx, fy));
    if (m.stride !== this.width) {
      m.stride = this.width;
      m.fullAt = Int32Array.from(m.fullDx, (dx, i) => m.fullDy[i] * this.width + dx);
      m.edgeAt = Int32Array.from(m.edgeDx, (dx, i) => m.edgeDy[i] * this.width + dx);
    }
    return m;
  }

  /** Blends `colour` at `cover` 1/256ths over pixel i, source-over (unpremultiplied, as ImageData is). */
  private blend(i: number, colour: Rgb, cover: number): void {
    const below = this.px[i];
    const ba = below >>> 24;
    if (ba === 0) {
      this.px[i] = (((cover * 255 + 128) >> 8) << 24) | (colour.b << 16) | (colour.g << 8) | colour.r;
      return;
    }
    const keep = 256 - cover;
    if (ba === 255) {
      const r = (colour.r * cover + (below & 255) * keep) >> 8;
      const g = (colour.g * cover + ((below >>> 8) & 255) * keep) >> 8;
      const b = (colour.b * cover + ((below >>> 16) & 255) * keep) >> 8;
      this.px[i] = (255 << 24) | (b << 16) | (g << 8) | r;
      return;
    }
    this.px[i] = overPartial(below, colour.r, colour.g, colour.b, cover);
  }

  /** An anti-aliased disc of `radius` pixels centred at (cx, cy) in the buffer's pixels. */
  disc(cx: number, cy: number, radius: number, colour: Rgb): void {
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    // the centre to a quarter pixel: which mask, and the pixel it is centred on
    const qx = Math.round((cx - 0.5) * PHASES);
    const qy = Math.round((cy - 0.5) * PHASES);
    const ix = Math.floor(qx / PHASES);
    const iy = Math.floor(qy / PHASES);
    const m = this.maskFor(radius, qx - ix * PHASES, qy - iy * PHASES);
    const w = this.width;
    const reach = m.reach;
    if (ix + reach < 0 || iy + reach < 0 || ix - reach >= w || iy - reach >= this.height) return;
    this.mark(Math.max(0, ix - reach), Math.max(0, iy - reach), Math.min(w, ix + reach + 1), Math.min(this.height, iy + reach + 1));
    const px = this.px;
    const solid = packed(colour);
    const at = iy * w + ix;
    if (ix >= reach && iy >= reach && ix + reach < w && iy + reach < this.height) {
      // wholly inside: offsets straight into the buffer
      const full = m.fullAt;
      for (let k = 0; k < full.length; k++) px[at + full[k]] = solid;
      // the edge, blended over what is below; most of it lies over nothing or over another dot
      const edge = m.edgeAt;
      const cover = m.edgeCover;
      const { r, g, b } = colour;
      for (let k = 0; k < edge.length; k++) {
        const i = at + edge[k];
        const c = cover[k];
        const below = px[i];
        if (below === 0) px[i] = (((c * 255 + 128) >> 8) << 24) | (solid & 0xffffff);
        else if (below >>> 24 === 255) {
          const keep = 256 - c;
          px[i] = (255 << 24) | (((b * c + ((below >> 16) & 255) * keep) >> 8) << 16) | (((g * c + ((below >> 8) & 255) * keep) >> 8) << 8) | ((r * c + (below & 255) * keep) >> 8);
        } else px[i] = overPartial(below, r, g, b, c);
      }
      return;
    }
    for (let k = 0; k < m.fullDx.length; k++) {
      const x = ix + m.fullDx[k], y = iy + m.fullDy[k];
      if (x >= 0 && y >= 0 && x < w && y < this.height) px[y * w + x] = solid;
    }
    for (let k = 0; k < m.edgeDx.length; k++) {
      const x = ix + m.edgeDx[k], y = iy + m.edgeDy[k];
      if (x >= 0 && y >= 0 && x < w && y < this.height) this.blend(y * w + x, colour, m.edgeCover[k]);
    }
  }

  /** An anti-aliased axis-aligned rectangle from (x0, y0) to (x1, y1) in the buffer's pixels. */
  rect(x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
    if (!Number.isFinite(x0 + y0 + x1 + y1)) return;
    const px0 = Math.max(0, Math.floor(x0));
    const py0 = Math.max(0, Math.floor(y0));
    const px1 = Math.min(this.width, Math.ceil(x1));
    const py1 = Math.min(this.height, Math.ceil(y1));
    if (px0 >= px1 || py0 >= py1) return;
    this.mark(px0, py0, px1, py1);
    const solid = packed(colour);
    for (let y = py0; y < py1; y++) {
      const cy = spanCoverage(y, y0, y1);
      for (let x = px0; x < px1; x++) {
        const c = Math.round(256 * cy * spanCoverage(x, x0, x1));
        if (c >= 256) this.px[y * this.width + x] = solid;
        else if (c > 0) this.blend(y * this.width + x, colour, c);
      }
    }
  }

  /**
   * Puts what was drawn since the last clear on the canvas, its pixels over the canvas's
   * (putImageData replaces them, ignoring the context's transform: draw anything else after it),
   * together with the region the last put left dots in, empty now where nothing was drawn again.
   * So the canvas need not be cleared first, and only the region the dots cover changes.
   */
  put(ctx: CanvasRenderingContext2D): void {
    const d = this.dirty;
    const s = this.shown;
    const x0 = Math.min(d[0], s[0]), y0 = Math.min(d[1], s[1]);
    const x1 = Math.max(d[2], s[2]), y1 = Math.max(d[3], s[3]);
    this.shown = [d[0], d[1], d[2], d[3]];
    if (x0 >= x1 || y0 >= y1) return;
    this.image ??= new ImageData(this.bytes, this.width, this.height);
    ctx.putImageData(this.image, 0, 0, x0, y0, x1 - x0, y1 - y0);
  }
}

const parsed = new Map<string, Rgb>();

/**
 * A CSS colour as red, green, blue: `#rrggbb`, `#rgb` and `hsl(h s% l%)`, the forms the graph's
 * key and checkpoint colours take (keyColours.ts).
 */
export function rgbOf(css: string): Rgb {
  let c = parsed.get(css);
  if (c) return c;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css);
  const hsl = /^hsl\(\s*(-?[\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*\)$/i.exec(css);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    c = { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
  } else if (hsl) {
    c = hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  } else throw new Error(`rgbOf: a colour the dot raster cannot read: ${css}`);
  parsed.set(css, c);
  return c;
}

/** CSS Color 4's hsl(): h in degrees, s and l in 0..1; rounded to bytes as a canvas stores them. */
function hslToRgb(hue: number, s: number, l: number): Rgb {
  const h = ((hue % 360) + 360) % 360;
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return { r: f(0), g: f(8), b: f(4) };
}
