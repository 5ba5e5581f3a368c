// Korean needs glyphs that a machine without Korean fonts lacks (Hangul would show as boxes). The
// page carries Noto Sans KR (@fontsource, split by unicode-range into some 120 pieces), and loads its
// stylesheet only once Korean is shown: English pages never fetch it, and it is not in the initial
// JavaScript. One weight: bold Hangul (headings) is synthesised from it.
//
// The pieces a Korean page draws are fetched before the page lays its text out. Chromium draws text
// laid out while the piece it needs is still on its way with the fallback font (boxes here), and
// does not always lay it out again when the piece arrives: headings and labels stayed boxes for good
// in headless Chromium 156. All Korean on the page comes from the message catalogues, so their
// characters name the pieces: about 360 syllables in some 20 pieces, about 210 KB of woff2.

const FAMILY = 'Noto Sans KR';
let stylesheet: Promise<boolean> | null = null;

function loadStylesheet(): Promise<boolean> {
  stylesheet ??= import('@fontsource/noto-sans-kr/400.css').then(() => true, (e: unknown) => {
    stylesheet = null;
    console.warn('[i18n] the Korean font did not load', e);
    return false;
  });
  return stylesheet;
}

/** Hangul syllables of `text`, each once. */
export function hangulOf(text: string): string {
  return [...new Set(text.match(/[\uAC00-\uD7A3]/g) ?? [])].join('');
}

const fetched = new Set<string>();

/** The font's stylesheet, then the pieces that draw `text`; resolves when they are there (or failed: boxes, not a broken page). */
export async function loadKoreanFont(text: string): Promise<void> {
  if (!(await loadStylesheet()) || typeof document === 'undefined' || !document.fonts) return;
  const missing = [...hangulOf(text)].filter((c) => !fetched.has(c)).join('');
  if (!missing) return;
  try {
    await document.fonts.load(`400 16px "${FAMILY}"`, missing);
    for (const c of missing) fetched.add(c);
  } catch (e) {
    console.warn('[i18n] the Korean font did not load', e);
  }
}

/** The switch's "한국어" on an English page: its own two small pieces (app.css), fetched before the page is drawn. */
export async function loadSwitchGlyphs(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  try {
    await document.fonts.load(`400 16px "${FAMILY} Switch"`, '한국어');
  } catch {
    // boxes on the switch, nothing worse
  }
}
