import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useView } from '../store/react';
import type { Lang } from './format';
import { prepareLanguage } from './prepare';
import { catalogueVersion, ensureLanguage, onCatalogue, translator, type Translate } from './translate';

/** The page's language (the view slice's `lang`). */
export function useLang(): Lang {
  return useView((v) => v.lang);
}

/** t(id, params) in the page's language; components re-render when it changes or its messages arrive. */
export function useT(): Translate {
  const lang = useLang();
  const version = useSyncExternalStore(onCatalogue, catalogueVersion, catalogueVersion);
  useEffect(() => {
    void ensureLanguage(lang);
  }, [lang]);
  // a new t when the messages arrive: the catalogue lives outside React, `version` says it grew
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => translator(lang), [lang, version]);
}

/**
 * Once per page: <html lang>, the document's title, the messages and the Korean font follow the
 * language (the header switch and main.tsx prepare a language before they set it; this covers any
 * other way the view's `lang` changes).
 */
export function useDocumentLanguage(): void {
  const lang = useLang();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.docTitle');
    void prepareLanguage(lang);
  }, [lang, t]);
}
