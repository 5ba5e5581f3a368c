// html-to-image copies each HTML element's computed style into the picture, but an <svg> it copies
// as it is: the shapes inside keep their classes and lose the stylesheet that gives the channels
// their stroke (graph.css), so the edges would vanish from the picture. For the time of the
// export, those shapes carry their computed paint as inline style; then they get their own back.

const PAINT = [
  'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity',
  'fill', 'fill-opacity', 'opacity', 'visibility', 'display', 'font-family', 'font-size', 'font-weight', 'color',
  'marker-start', 'marker-mid', 'marker-end',
] as const;

/** Inlines the paint of every shape inside the `<svg>`s under `root`; returns what puts their own style back. */
export function inlineSvgPaint(root: Element): () => void {
  const saved: [Element, string | null][] = [];
  for (const svg of Array.from(root.querySelectorAll('svg'))) {
    for (const el of Array.from(svg.querySelectorAll('*'))) {
      if (!(el instanceof SVGElement)) continue;
      const computed = getComputedStyle(el);
      saved.push([el, el.getAttribute('style')]);
      for (const p of PAINT) {
        const v = computed.getPropertyValue(p);
        if (v) el.style.setProperty(p, v);
      }
    }
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}
