// The curve of a channel edge. The SVG edge and the canvas that draws records use this one
// definition, so records sit exactly on the drawn edges.

export interface Point { x: number; y: number }

export function channelControlPoints(s: Point, t: Point): [Point, Point] {
  const dx = Math.max(40, Math.abs(t.x - s.x) * 0.5);
  return [{ x: s.x + dx, y: s.y }, { x: t.x - dx, y: t.y }];
}

export function channelPath(s: Point, t: Point): string {
  const [c1, c2] = channelControlPoints(s, t);
  return `M ${s.x},${s.y} C ${c1.x},${c1.y} ${c2.x},${c2.y} ${t.x},${t.y}`;
}

/** The point at fraction f (0..1) of the cubic Bézier of a channel. */
export function pointOnChannel(s: Point, t: Point, f: number): Point {
  const [c1, c2] = channelControlPoints(s, t);
  const u = 1 - f;
  const a = u * u * u;
  const b = 3 * u * u * f;
  const c = 3 * u * f * f;
  const d = f * f * f;
  return { x: a * s.x + b * c1.x + c * c2.x + d * t.x, y: a * s.y + b * c1.y + c * c2.y + d * t.y };
}

/** How far along its channel an item is at display time: 0 at the producer, 1 on arrival. */
export function progress(sentAt: number, deliverAt: number, displayTime: number): number {
  if (displayTime >= deliverAt) return 1;
  if (displayTime <= sentAt) return 0;
  return (displayTime - sentAt) / (deliverAt - sentAt);
}
