import { describe, expect, it } from 'vitest';
import { functionTimes, type ProfileEvent } from './cpuProfile';

const PAGE = 'http://127.0.0.1:4174';
const node = (id: number, name: string, url: string, parent?: number) => ({ id, parent, callFrame: { functionName: name, url, lineNumber: id } });

describe('functionTimes', () => {
  it('sums self and total milliseconds per function over the page\'s profile, each sample until the next', () => {
    const events: ProfileEvent[] = [
      { name: 'Profile', id: '0x1' },
      {
        name: 'ProfileChunk', id: '0x1',
        args: { data: { cpuProfile: { nodes: [node(1, '(root)', ''), node(2, 'render', `${PAGE}/assets/index.js`, 1), node(3, 'layout', `${PAGE}/assets/index.js`, 2), node(4, '(idle)', '', 1)], samples: [2, 3, 3, 4, 2] }, timeDeltas: [0, 1000, 2000, 3000, 500] } },
      },
      // another thread's profile (a browser page of Chromium's own), with the same node ids: left out
      { name: 'ProfileChunk', id: '0x2', args: { data: { cpuProfile: { nodes: [node(1, '(root)', ''), node(2, 'omnibox', 'chrome://omnibox/x.js', 1)], samples: [2, 2] }, timeDeltas: [0, 9000] } } },
    ];
    const { self, total } = functionTimes(events, PAGE);
    expect(Object.fromEntries(self)).toEqual({ 'render index.js:2': 1, 'layout index.js:3': 5 });
    // the idle sample counts for nothing; the last sample has no next one
    expect(Object.fromEntries(total)).toEqual({ '(root) :1': 6, 'render index.js:2': 6, 'layout index.js:3': 5 });
    expect(self[0][0]).toBe('layout index.js:3');
  });

  it('counts a recursive function once per sample in its total', () => {
    const events: ProfileEvent[] = [{
      name: 'ProfileChunk', id: '0x1',
      args: { data: { cpuProfile: { nodes: [node(1, 'walk', `${PAGE}/a.js`), { ...node(2, 'walk', `${PAGE}/a.js`, 1), callFrame: { functionName: 'walk', url: `${PAGE}/a.js`, lineNumber: 1 } }], samples: [2, 2] }, timeDeltas: [0, 4000, 0] } },
    }];
    expect(functionTimes(events, PAGE).total).toEqual([['walk a.js:1', 4]]);
  });
});
