// The one message syntax of the page, kept small on purpose:
//   {name}            the parameter `name` (a number is formatted for the language: 12,345)
//   {name|one|other}  `one` when the parameter `name` is 1, else `other` (English plurals)
// Nothing else is special, so a message is plain text a translator can read.

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];
export type Params = Record<string, string | number>;

const LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang): string {
  // a whole number under a thousand reads the same in every locale here: no formatter needed
  // (making the first one costs a noticeable moment of the first screen on a slow machine)
  if (Number.isInteger(n) && n > -1000 && n < 1000 && !Object.is(n, -0)) return String(n);
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 })));
  return f.format(n);
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

export function interpolate(template: string, params: Params | undefined, lang: Lang): string {
  if (!params || !template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole;
    const v = params[name];
    if (one !== undefined) return v === 1 ? one : other ?? '';
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/** The parameter names a message uses, for the test that both languages use the same ones. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}
