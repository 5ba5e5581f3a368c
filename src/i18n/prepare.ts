import { narrationSamples } from '../store/narrate';
import type { Lang } from './format';
import { loadKoreanFont, loadSwitchGlyphs } from './font';
import { catalogueText, ensureLanguage } from './translate';

/**
 * Everything a language needs before the page shows it: its messages and, for Korean, the font's
 * pieces for every syllable the messages and the narrated log can show (font.ts says why before).
 */
export async function prepareLanguage(lang: Lang): Promise<void> {
  await ensureLanguage(lang);
  if (lang === 'ko') await loadKoreanFont(catalogueText('ko') + narrationSamples('ko').join(''));
  else await loadSwitchGlyphs();
}
