import { englishName, type MessageId } from '../../i18n/translate';
import { useLang, useT } from '../../i18n/useT';

/**
 * A heading that mirrors Flink's web UI (History, Summary, Configuration). In another language it
 * carries Flink's English name as a tooltip, the name people search for ("End to End Duration").
 */
export function Th({ id, scope }: { id: MessageId; scope?: 'row' | 'col' }) {
  const lang = useLang();
  const t = useT();
  return <th scope={scope} title={lang === 'en' ? undefined : englishName(id)}>{t(id)}</th>;
}
