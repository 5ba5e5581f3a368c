import type { Lang } from './format';

// Which language the page opens in: `?lang=en|ko` (read by the store's urlParams), else the
// browser's (a `navigator.language` starting with "ko" gives Korean), else English.

export function browserLang(languages: readonly string[] | undefined, language: string | undefined): Lang {
  const first = languages?.length ? languages[0] : language;
  return first?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function initialLang(fromLink: Lang | undefined, nav: { languages?: readonly string[]; language?: string } | undefined): Lang {
  return fromLink ?? browserLang(nav?.languages, nav?.language);
}
