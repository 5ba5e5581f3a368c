import { en, type MessageId, type Messages } from './en';
import { interpolate, type Lang, type Params } from './format';

// t(id, params) for a language. English is in the main bundle; Korean (ko.ts) is a chunk of its own,
// loaded when the page first shows Korean (ensureLanguage; useT asks for it). Until it is there a
// Korean page speaks English. A message missing from a loaded language falls back to English; in a
// development build it is marked ⚑ and warned about once, so it shows. i18n.test.ts fails on any
// missing id.

export type { Lang, Params } from './format';
export type { MessageId } from './en';

const catalogues: Record<Lang, Partial<Messages> | null> = { en, ko: null };
const loading = new Map<Lang, Promise<void>>();
const warned = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

const LOADERS: Record<Lang, () => Promise<Partial<Messages>>> = {
  en: async () => en,
  ko: () => import('./ko').then((m) => m.ko),
};

/** Loads a language's messages once; resolves when they are there (or could not be had: English is shown). */
export function ensureLanguage(lang: Lang): Promise<void> {
  if (catalogues[lang]) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = LOADERS[lang]().then((messages) => {
      catalogues[lang] = messages;
      version++;
      for (const l of listeners) l();
    }, (e: unknown) => {
      loading.delete(lang);
      console.warn(`[i18n] the ${lang} messages did not load`, e);
    });
    loading.set(lang, p);
  }
  return p;
}

/** for useSyncExternalStore: a number that changes when a language's messages arrive */
export function catalogueVersion(): number {
  return version;
}
export function onCatalogue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every message of a loaded language, run together: the characters the page can show in it. */
export function catalogueText(lang: Lang): string {
  return Object.values(catalogues[lang] ?? {}).join('\n');
}

/** Whether `lang`'s messages (loaded) have `id`. */
export function hasMessage(lang: Lang, id: string): boolean {
  const c = catalogues[lang];
  return c !== null && Object.hasOwn(c, id);
}

export function translate(lang: Lang, id: MessageId, params?: Params): string {
  const catalogue = catalogues[lang];
  const own = catalogue?.[id];
  if (own !== undefined) return interpolate(own, params, lang);
  const fallback = interpolate(en[id] ?? id, params, 'en');
  // still loading: English for now, unmarked
  if (catalogue && import.meta.env.DEV) {
    if (!warned.has(`${lang}:${id}`)) {
      warned.add(`${lang}:${id}`);
      console.warn(`[i18n] no ${lang} message for "${id}": showing English`);
    }
    return `⚑${fallback}`;
  }
  return fallback;
}

export type Translate = (id: MessageId, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (id, params) => translate(lang, id, params);
}

/** The English text of a message with the soft hyphens taken out: Flink's name for a column, as a tooltip. */
export function englishName(id: MessageId): string {
  return en[id].replace(/\u00AD/g, '');
}
