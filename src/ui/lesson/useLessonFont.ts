import { useEffect, useState } from 'react';
import { loadKoreanFont } from '../../i18n/font';

/**
 * Whether the Korean font's pieces that draw `text` are there. Lesson narration carries syllables
 * the page's catalogue lacks; Chromium may keep drawing text laid out before its piece arrived as
 * boxes (i18n/font.ts), so Korean lesson text is shown only once its pieces are loaded.
 */
export function useFontFor(lang: string, text: string): boolean {
  const [ready, setReady] = useState<string | null>(null);
  const key = lang === 'ko' ? text : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadKoreanFont(key).finally(() => {
      if (live) setReady(key);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return !key || ready === key;
}
