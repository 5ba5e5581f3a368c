import { describe, expect, it } from 'vitest';
import { readPageParams } from '../../store/urlParams';
import { attribute, embedCode, embedSearch } from './embedCode';
import { readEmbedMode } from './embedMode';

const setup = { scenarioId: 'two-inputs', customScenario: null, seed: 7, conf: { 'execution.checkpointing.interval': '2 s' } };

describe('the embed code', () => {
  it('opens the same scenario, seed and settings in embed mode, which the page reads back', () => {
    const search = embedSearch({ setup, lang: 'en' });
    expect(readEmbedMode(search)).toBe(true);
    const read = readPageParams(search);
    expect(read).toMatchObject({ scenarioId: 'two-inputs', seed: 7, conf: setup.conf, problems: [] });
    expect(read.lang).toBeUndefined();
  });

  it('opens a lesson at its step, in Korean when the page is Korean', () => {
    const params = new URLSearchParams(embedSearch({ setup, lesson: { id: 'failure-recovery', step: 3 }, lang: 'ko' }));
    expect([...params]).toEqual([['lesson', 'failure-recovery'], ['step', '3'], ['lang', 'ko'], ['embed', '1']]);
  });

  it('is an iframe whose attributes cannot be broken out of', () => {
    const code = embedCode({ base: 'https://lab.example/app/', setup, lang: 'en', title: 'Checkpoint Lab: "two" <inputs> & more' });
    expect(code).toMatch(/^<iframe src="https:\/\/lab\.example\/app\/\?scenario=two-inputs&amp;seed=7&amp;conf\.execution\.checkpointing\.interval=2\+s&amp;embed=1" title="Checkpoint Lab: &quot;two&quot; &lt;inputs&gt; &amp; more" width="960" height="600"/);
    expect(code.endsWith('></iframe>')).toBe(true);
    const doc = new DOMParserLike(code);
    expect(doc.src).toBe('https://lab.example/app/?scenario=two-inputs&seed=7&conf.execution.checkpointing.interval=2+s&embed=1');
    expect(attribute('a"b')).toBe('a&quot;b');
  });
});

/** reads the src attribute back as an HTML parser would (the entities this code writes) */
class DOMParserLike {
  src: string;
  constructor(html: string) {
    const m = /src="([^"]*)"/.exec(html);
    this.src = (m?.[1] ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
}
