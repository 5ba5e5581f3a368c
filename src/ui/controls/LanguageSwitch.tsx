import { useView, useViewActions } from '../../store/react';
import { LANGS, type Lang } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { prepareLanguage } from '../../i18n/prepare';

/** English / 한국어: each language named in itself, the page's own marked as pressed. */
export function LanguageSwitch() {
  const lang = useView((v) => v.lang);
  const { setLang } = useViewActions();
  const t = useT();
  // the words (and for Korean the font) first, then the switch: no flash of the old language, and
  // no Hangul laid out before its font is there (src/i18n/font.ts says why)
  const choose = (l: Lang) => {
    void prepareLanguage(l).then(() => setLang(l));
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} className={lang === l ? 'active' : ''} data-testid={`lang-${l}`} onClick={() => choose(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
