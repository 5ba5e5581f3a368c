import { useState } from 'react';
import '../embed/embed.css';
import { translator } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStoreApi } from '../../store/react';
import { fontCssFor } from './ExportPictureFonts';
import { pictureName } from './ExportPictureName';
import { inlineSvgPaint } from './ExportPictureSvgStyles';
import { downloadHref } from '../download';

// "Export picture": the graph as it is at this moment, as PNG and SVG, for slides and handouts.
// html-to-image (a DOM-to-image library) draws it; it is loaded only when asked for, so it is not
// part of the page's first load.

/** what a picture leaves out: the zoom buttons and React Flow's other overlays */
function keep(node: HTMLElement): boolean {
  return !(node.classList?.contains('react-flow__panel') || node.classList?.contains('react-flow__controls') || node.classList?.contains('react-flow__minimap'));
}

function graphElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.graph-area') ?? document.querySelector<HTMLElement>('[data-testid="job-graph"]');
}

/** the page's own background behind the graph (a theme may change it); white when it has none */
function background(el: HTMLElement): string {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && c !== 'rgba(0, 0, 0, 0)') return c;
  }
  return '#ffffff';
}


export function ExportPicture() {
  const store = useStoreApi();
  const t = useT();
  const [working, setWorking] = useState(false);
  const save = async (kind: 'png' | 'svg') => {
    const el = graphElement();
    if (!el || working) return;
    setWorking(true);
    const s = store.getState();
    const name = pictureName(s.runs.a.scenarioId, s.clock.displayTime, kind);
    try {
      const { toPng, toSvg } = await import('html-to-image');
      const options = { backgroundColor: background(el), filter: keep, pixelRatio: 2, fontEmbedCSS: await fontCssFor(document, el.textContent ?? '') };
      const restore = inlineSvgPaint(el);
      let picture: string;
      try {
        picture = kind === 'png' ? await toPng(el, options) : await toSvg(el, options);
      } finally {
        restore();
      }
      downloadHref(picture, name);
    } catch (e) {
      s.notify(translator(s.view.lang)('embed.export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setWorking(false);
    }
  };
  return (
    <span className="export-picture" role="group" aria-label={t('embed.export.button')} title={t('embed.export.title')}>
      <span className="export-picture-label">{working ? t('embed.export.working') : t('embed.export.button')}</span>
      <button type="button" onClick={() => void save('png')} disabled={working} aria-label={`${t('embed.export.button')}: PNG`} data-testid="export-png">PNG</button>
      <button type="button" onClick={() => void save('svg')} disabled={working} aria-label={`${t('embed.export.button')}: SVG`} data-testid="export-svg">SVG</button>
    </span>
  );
}
