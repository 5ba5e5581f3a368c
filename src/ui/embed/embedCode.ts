import { pageSearch } from '../../store/urlParams';
import type { RunSetup } from '../../store/appState';

// The <iframe> snippet "Copy embed code" gives: the page in embed mode (`embed=1`) on the scenario,
// seed and settings shown (or the lesson and its step), in the page's language when not English.

export interface EmbedTarget {
  /** the page's own address without its query: origin + path */
  base: string;
  setup: RunSetup;
  lesson?: { id: string; step: number };
  lang: 'en' | 'ko';
  /** what the frame shows, for the host page's screen readers */
  title: string;
}

/** the frame's size: the graph and the controls fit at the height of a slide's content area */
export const EMBED_FRAME = { width: 960, height: 600 } as const;

export function embedSearch(target: Omit<EmbedTarget, 'base' | 'title'>): string {
  const params = new URLSearchParams();
  if (target.lesson) {
    params.set('lesson', target.lesson.id);
    if (target.lesson.step > 1) params.set('step', String(target.lesson.step));
  } else {
    const { scenarioId, seed, conf, customScenario } = target.setup;
    for (const [k, v] of new URLSearchParams(pageSearch(scenarioId, seed, conf, undefined, customScenario))) params.append(k, v);
  }
  if (target.lang !== 'en') params.set('lang', target.lang);
  params.set('embed', '1');
  return `?${params.toString()}`;
}

/** HTML attribute text: the address's `&` and a title's quotes must not end the attribute */
export function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedCode(target: EmbedTarget): string {
  const src = `${target.base}${embedSearch(target)}`;
  return `<iframe src="${attribute(src)}" title="${attribute(target.title)}" width="${EMBED_FRAME.width}" height="${EMBED_FRAME.height}" style="border: 0; max-width: 100%;" allow="fullscreen; clipboard-write" loading="lazy"></iframe>`;
}
