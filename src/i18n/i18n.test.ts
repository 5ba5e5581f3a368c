import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, builtinScenario, Simulation } from '../engine';
import { createAppStore } from '../store/appStore';
import { markersOf } from '../store/markers';
import { narrate, narrationText, NARRATION_IDS } from '../store/narrate';
import { pageSearch, readPageParams } from '../store/urlParams';
import { en, type MessageId } from './en';
import { interpolate, placeholders } from './format';
import { ko } from './ko';
import { browserLang, initialLang } from './lang';
import { matchEnglish, translateStoreText } from './notices';
import { ensureLanguage, translate } from './translate';

const HANGUL = /[\uAC00-\uD7A3]/;
const ids = (o: object) => Object.keys(o).sort();

describe('message catalogues', () => {
  it('Korean has every English id and no other', () => {
    const missing = ids(en).filter((id) => !Object.hasOwn(ko, id));
    const extra = ids(ko).filter((id) => !Object.hasOwn(en, id));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('each Korean message uses the parameters its English one does', () => {
    const differ = ids(en).filter((id) => placeholders(en[id as MessageId]).join() !== placeholders(ko[id as MessageId]).join());
    expect(differ).toEqual([]);
  });

  it('Korean messages are Korean, except the ones that are names', () => {
    const same = ids(en).filter((id) => en[id as MessageId] === ko[id as MessageId]);
    expect(same).toEqual(['app.title', 'col.id', 'lang.en', 'lang.ko', 'snap.formatNative', 'snap.id']);
  });

  it('the narration has the same sentences in both languages', () => {
    expect(NARRATION_IDS.ko.sort()).toEqual(NARRATION_IDS.en.sort());
  });

  it("the built-in scenarios' English in the catalogue is still the engine's (else the Korean is out of date)", () => {
    for (const s of BUILTIN_SCENARIOS.filter((x) => x.id !== 'bench')) {
      expect(en[`scenario.${s.id}.title` as MessageId], s.id).toBe(s.title);
      expect(en[`scenario.${s.id}.lesson` as MessageId], s.id).toBe(s.lesson ?? s.description);
    }
  });
});

describe('t(id, params)', () => {
  it('interpolates, formats numbers for the language and picks English plurals', () => {
    expect(interpolate('{n} {n|input|inputs} to go', { n: 1 }, 'en')).toBe('1 input to go');
    expect(interpolate('{n} {n|input|inputs} to go', { n: 12345 }, 'en')).toBe('12,345 inputs to go');
    expect(interpolate('입력 {n}개', { n: 12345 }, 'ko')).toBe('입력 12,345개');
    expect(interpolate('{missing} stays', {}, 'en')).toBe('{missing} stays');
  });

  it('speaks Korean once its messages are loaded, and marks a missing message ⚑ in development', async () => {
    await ensureLanguage('ko');
    expect(translate('ko', 'controls.play')).toBe('재생');
    expect(translate('en', 'controls.play')).toBe('Play');
    expect(translate('ko', 'subtask.toGo', { n: 2 })).toBe('입력 2개 남음');
    // an id Korean does not have (only an untyped caller can ask): English, marked
    expect(translate('ko', 'no.such.message' as MessageId)).toBe('⚑no.such.message');
  });

  it('keeps the English accessible names of CONTRACTS.md section 4', () => {
    const names = ['controls.play', 'controls.pause', 'controls.step', 'controls.reset', 'controls.checkpoint', 'controls.savepoint', 'controls.speed', 'kill.button'] as const;
    expect(names.map((id) => en[id])).toEqual(['Play', 'Pause', 'Step', 'Reset', 'Trigger checkpoint', 'Trigger savepoint', 'Speed', 'Kill task']);
    expect(names.map((id) => ko[id])).toEqual(['재생', '일시정지', '한 단계', '처음부터', '체크포인트 실행', '세이브포인트 실행', '속도', '태스크 중지']);
  });
});

describe('the language of the page', () => {
  it('?lang=en|ko is taken; another value is reported apart from the run\'s problems, and English is shown', () => {
    expect(readPageParams('?lang=ko')).toMatchObject({ lang: 'ko', problems: [] });
    expect(readPageParams('?lang=en').lang).toBe('en');
    expect(readPageParams('').lang).toBeUndefined();
    const bad = readPageParams('?lang=constructor');
    expect(bad.lang).toBe('en');
    expect(bad.problems).toEqual([]);
    expect(bad.langProblem).toBe('lang "constructor" is not a language of this page (en, ko); showing English.');
    expect(matchEnglish(bad.langProblem!)?.id).toBe('lang.invalid');
  });

  it('the browser decides when the link does not', () => {
    expect(browserLang(['ko-KR', 'en'], 'ko-KR')).toBe('ko');
    expect(browserLang(['en-US', 'ko'], 'en-US')).toBe('en');
    expect(browserLang(undefined, 'ko')).toBe('ko');
    expect(initialLang(undefined, { languages: ['ko'] })).toBe('ko');
    expect(initialLang('en', { languages: ['ko'] })).toBe('en');
  });

  it('a link carries lang when it is given', () => {
    expect(pageSearch('default', undefined, {}, undefined, null, 'ko')).toBe('?lang=ko');
    expect(pageSearch('default', undefined, {})).toBe('');
    expect(readPageParams(pageSearch('wide', 3, {}, undefined, null, 'ko'))).toMatchObject({ scenarioId: 'wide', seed: 3, lang: 'ko' });
  });
});

describe('what the store says in English, shown in Korean', () => {
  it('the notices of a bad link', async () => {
    await ensureLanguage('ko');
    const p = readPageParams('?scenario=nope&seed=abc&run=%%%garbage&t=soon&conf.bogus=1');
    const far = readPageParams('?t=99999999');
    const notices = [...p.problems, ...far.problems];
    expect(notices).toHaveLength(6);
    for (const n of notices) {
      const shown = translateStoreText('ko', n);
      expect(shown, n).not.toBe(n);
      expect(shown, n).toMatch(HANGUL);
    }
    expect(translateStoreText('ko', p.problems[1])).toBe('seed "abc"은(는) 정수가 아닙니다. 시나리오의 시드를 씁니다.');
    expect(translateStoreText('en', p.problems[1])).toBe(p.problems[1]);
  });

  it("the store's own notices, progress labels and timeline marks", async () => {
    await ensureLanguage('ko');
    // work in pieces, run by hand, so that its progress labels show
    const queue: (() => void)[] = [];
    const scheduler = (next: () => void) => { queue.push(next); return () => {}; };
    const store = createAppStore({ scenario: { nonsense: true }, conf: { 'execution.checkpointing.interval': '2 s' } }, { scheduler });
    const labels = new Set<string>();
    store.subscribe((s) => { if (s.busy) labels.add(s.busy.label); });
    const drain = () => { for (let i = 0; queue.length && i < 100_000; i++) queue.shift()!(); };
    const run = () => store.getState().runs.a;
    run().actions.load('nope');
    run().actions.applySettings({ 'execution.checkpointing.interval': 'often' });
    run().actions.restoreFrom(999, {}, false);
    store.getState().clockActions.seek(9000);
    drain();
    run().actions.injectFault({ kind: 'task', subtask: 3 });
    store.getState().clockActions.seek(20_000);
    drain();
    run().actions.checkOracle();
    drain();
    run().actions.compareAlgorithms();
    drain();
    store.getState().clockActions.seek(5000);
    drain();
    run().actions.triggerCheckpoint();
    const notices = store.getState().notices;
    // the link's scenario, the unknown scenario, the refused settings, the missing snapshot
    expect(notices.length).toBeGreaterThanOrEqual(4);
    const texts = [...notices, ...labels, ...markersOf(run().sim.state).map((m) => m.label)];
    for (const n of texts) expect(translateStoreText('ko', n), n).toMatch(HANGUL);
    expect([...labels].sort()).toEqual(['Checking exactly-once', 'Comparing checkpoint algorithms']);
    // a long seek's labels (runSlice.ts), which a short run does not show
    expect(translateStoreText('ko', 'Seeking to t = 3600.000 s')).toBe('t = 3600.000 s(으)로 이동 중');
    expect(translateStoreText('ko', 'Replaying the run to t = 12.500 s')).toBe('실행을 t = 12.500 s까지 다시 재생 중');
    expect(translateStoreText('ko', 'Replaying the run to t = 12.500 s stopped: out of memory')).toBe('실행을 t = 12.500 s까지 다시 재생 중 작업이 멈췄습니다: out of memory');
  });
});

describe('the narrated event log in Korean', () => {
  it('every line of runs with alignment, at-least-once, a failure and a restore reads in Korean', () => {
    const seen = new Set<string>();
    const confs: Record<string, string>[] = [{}, { 'execution.checkpointing.mode': 'AT_LEAST_ONCE' }, { 'execution.checkpointing.unaligned.enabled': 'true' }];
    for (const conf of confs) {
      const sim = Simulation.create(builtinScenario('default')!, { conf, faults: ['task:count/1@7s', 'jobmanager@15s'] });
      sim.subscribe((ev) => {
        const line = narrate(ev, sim.state);
        if (!line) return;
        expect(line.msg).toBeDefined();
        seen.add(line.msg!.id);
        expect(narrationText(line, 'en')).toBe(line.text);
        const said = narrationText(line, 'ko');
        expect(said, line.text).toMatch(HANGUL);
        expect(said).not.toMatch(/undefined|\[object/);
      });
      sim.runUntil(20_000);
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
