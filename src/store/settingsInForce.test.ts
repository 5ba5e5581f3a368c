import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { settingsInForce } from './settingsInForce';

describe('settings in force', () => {
  it('are the start settings before a change and the change after it', () => {
    const run = { conf: { 'execution.checkpointing.interval': '5s' }, commands: [{ at: 3000, command: { kind: 'set-config' as const, conf: { 'execution.checkpointing.interval': '2s' } } }] };
    expect(settingsInForce(run, 2999)).toEqual({ 'execution.checkpointing.interval': '5s' });
    expect(settingsInForce(run, 3000)).toEqual({ 'execution.checkpointing.interval': '2s' });
  });

  it('applying settings keeps the run\'s start settings, so its link replays the same run', () => {
    const store = createAppStore({ scenarioId: 'default' });
    store.getState().clockActions.seek(3000);
    expect(store.getState().runs.a.actions.applySettings({ 'execution.checkpointing.interval': '2s' })).toBe(true);
    store.getState().clockActions.seek(12_000);
    const a = store.getState().runs.a;
    expect(a.conf).toEqual({});
    expect(settingsInForce(a, 12_000)).toEqual({ 'execution.checkpointing.interval': '2s' });
    // the same setup and commands, replayed from a link, give the same run
    const again = createAppStore({ scenarioId: 'default', conf: a.conf, run: a.commands, at: 12_000 });
    expect(again.getState().runs.a.sim.state.now).toBe(a.sim.state.now);
    expect(again.getState().runs.a.sim.state.traceHash).toBe(a.sim.state.traceHash);
  });
});
