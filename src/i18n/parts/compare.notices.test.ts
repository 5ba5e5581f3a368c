import { describe, expect, it } from 'vitest';
import { ensureLanguage } from '../translate';
import { translateStoreText } from '../notices';
import { createAppStore } from '../../store/appStore';
import { readCompareParams } from '../../store/compareParams';
import { readBranchesParam } from '../../store/branches';
import { readPageParams } from '../../store/urlParams';

// What the comparison and the branches say (in English, as the store speaks) is shown on a Korean
// page in Korean: each notice is produced for real here and must find its translation.

const HANGUL = /[\uAC00-\uD7A3]/;

function produced(): string[] {
  const texts: string[] = [];
  // a bad link: unknown b. parameters, a key that is none, b.run and both branches unreadable
  const search = '?b.scenario=wide&b.lesson=x&b.conf.no.such.key=&b.run=%%%&branches=%%%&b.branches=%%%';
  const params = readPageParams(search);
  readCompareParams(search, texts);
  readBranchesParam(search, texts);
  const store = createAppStore({ b: { seed: undefined, conf: {}, unset: [], branches: { current: 9, branches: [] } }, branches: 'nonsense', notices: params.problems }, { scheduler: 'sync' });
  const s = () => store.getState();
  s().compareActions.open({ 'execution.checkpointing.interval': 'often' });
  // acting in the past of run B, then of run A
  s().clockActions.play();
  for (let i = 0; i < 40; i++) s().clockActions.advance(100);
  s().clockActions.pause();
  s().clockActions.seek(1000);
  s().runs.b!.actions.triggerCheckpoint();
  s().runs.a.actions.triggerCheckpoint();
  // a command "to both" while run B is elsewhere
  s().compareActions.setToBoth(true);
  s().runs.b!.driver.seekTo(0);
  s().runs.a.actions.triggerCheckpoint();
  texts.push(...s().notices);
  return texts;
}

describe('the notices of comparing runs and of branches', () => {
  it('are said in Korean on a Korean page, each one', async () => {
    await ensureLanguage('ko');
    const texts = produced();
    for (const re of [/past of run B/, /past at/, /went to run A only/, /Could not compare/, /b\.run:/, /b\.branches:/, /^branches:/, /same scenario/, /not a configuration key/, /branches of run B could not be read/]) {
      expect(texts.some((t) => re.test(t)), String(re)).toBe(true);
    }
    for (const text of texts) {
      const shown = translateStoreText('ko', text);
      expect(shown, text).not.toBe(text);
      expect(shown, text).toMatch(HANGUL);
    }
    expect(translateStoreText('ko', 'Replaying both runs')).toMatch(HANGUL);
    expect(translateStoreText('ko', 'The branch stops at 4.000 s: its command could not be applied (no such snapshot).')).toBe('갈래가 4.000 s에서 멈춥니다. 그 명령을 적용할 수 없었습니다 (no such snapshot).');
  });
});
