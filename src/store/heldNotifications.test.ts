import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { heldStore } from './heldNotifications';

const counter = () => createStore<{ n: number; m: number }>()(() => ({ n: 0, m: 0 }));

describe('heldStore', () => {
  it('tells subscribers of every set at once when nothing is held', () => {
    const store = counter();
    const held = heldStore(store);
    const seen: [number, number][] = [];
    held.api.subscribe((s, p) => seen.push([s.n, p.n]));
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    expect(seen).toEqual([[1, 0], [2, 1]]);
  });

  it('tells them of a held frame once, with the state before its first set, while getState follows every set', () => {
    const store = counter();
    const held = heldStore(store);
    const seen: [number, number, number][] = [];
    held.api.subscribe((s, p) => seen.push([s.n, s.m, p.n]));
    const during: number[] = [];
    const out = held.hold(() => {
      store.setState({ n: 1 });
      during.push(held.api.getState().n);
      store.setState({ m: 5 });
      held.hold(() => store.setState({ n: 2 }));
      return 'done';
    });
    expect(out).toBe('done');
    expect(during).toEqual([1]);
    expect(seen).toEqual([[2, 5, 0]]);
  });

  it('keeps a frame that does not tell waiting for the next flush, or for a set made while nothing is held', () => {
    const store = counter();
    const held = heldStore(store);
    const seen: [number, number][] = [];
    held.api.subscribe((s, p) => seen.push([s.n, p.n]));
    held.hold(() => store.setState({ n: 1 }), false);
    held.hold(() => store.setState({ n: 2 }), false);
    expect(seen).toEqual([]);
    held.flush();
    expect(seen).toEqual([[2, 0]]);
    held.flush();
    expect(seen).toEqual([[2, 0]]);
    held.hold(() => store.setState({ n: 3 }), false);
    store.setState({ n: 4 });
    expect(seen).toEqual([[2, 0], [4, 2]]);
  });

  it('does not flush from inside a hold', () => {
    const store = counter();
    const held = heldStore(store);
    let calls = 0;
    held.api.subscribe(() => calls++);
    held.hold(() => {
      store.setState({ n: 1 });
      held.flush();
      expect(calls).toBe(0);
    });
    expect(calls).toBe(1);
  });

  it('says nothing for a held frame without a change, and tells even when the work throws', () => {
    const store = counter();
    const held = heldStore(store);
    let calls = 0;
    held.api.subscribe(() => calls++);
    held.hold(() => undefined);
    expect(calls).toBe(0);
    expect(() => held.hold(() => {
      store.setState({ n: 1 });
      throw new Error('refused');
    })).toThrow('refused');
    expect(calls).toBe(1);
  });

  it('listens to the store while it has subscribers, with one listener of its own', () => {
    const store = counter();
    const subscribe = store.subscribe;
    let underlying = 0;
    store.subscribe = (l) => {
      underlying++;
      const stop = subscribe(l);
      return () => { underlying--; stop(); };
    };
    const held = heldStore(store);
    let calls = 0;
    const one = held.api.subscribe(() => calls++);
    const two = held.api.subscribe(() => calls++);
    expect(underlying).toBe(1);
    one();
    two();
    expect(underlying).toBe(0);
    store.setState({ n: 1 });
    expect(calls).toBe(0);
  });
});
