import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../config/keys';
import { builtinScenario } from '../scenarios/builtin';
import { Simulation } from '../sim/simulation';
import { configView, effectiveFailoverStrategy, effectiveRestartStrategy } from './configView';

describe('configuration view', () => {
  it('lists every key with its default, what it accepts, its choices and the value in force', () => {
    const view = configView({ 'execution.checkpointing.mode': 'AT_LEAST_ONCE' });
    expect(view.map((k) => k.key)).toEqual(CONFIG_KEYS.map((k) => k.key));
    const mode = view.find((k) => k.key === 'execution.checkpointing.mode')!;
    expect(mode).toMatchObject({ type: 'enum', default: 'EXACTLY_ONCE', choices: ['EXACTLY_ONCE', 'AT_LEAST_ONCE'], value: 'AT_LEAST_ONCE', effective: 'AT_LEAST_ONCE' });
    const unaligned = view.find((k) => k.key === 'execution.checkpointing.unaligned.enabled')!;
    expect(unaligned).toMatchObject({ choices: ['false', 'true'], value: undefined, effective: 'false' });
    const interval = view.find((k) => k.key === 'execution.checkpointing.interval')!;
    expect(interval).toMatchObject({ type: 'duration', choices: undefined, effective: undefined });
    expect(interval.accepted).toMatch(/10 ms/);
    expect(interval.doc.length).toBeGreaterThan(0);
  });

  it('takes no key from an object\'s prototype', () => {
    expect(configView(JSON.parse('{"__proto__": {"state.backend.type": "rocksdb"}}')).find((k) => k.key === 'state.backend.type')!.value).toBeUndefined();
  });
});

describe('effective restart strategy', () => {
  it('defaults to exponential-delay with checkpointing and to none without, an interval of 0 included', () => {
    expect(effectiveRestartStrategy({ 'execution.checkpointing.interval': '5 s' })).toMatchObject({ config: { type: 'exponential-delay' }, configured: false });
    expect(effectiveRestartStrategy({ 'execution.checkpointing.interval': '5 s' }).description).toMatch(/^exponential-delay \(default with checkpointing\): 1 s, ×1.5 per failure up to 1 min$/);
    for (const conf of [{}, { 'execution.checkpointing.interval': '0 ms' }, { 'execution.checkpointing.interval': '0' }] as Record<string, string>[]) {
      const v = effectiveRestartStrategy(conf);
      expect(v.config.type).toBe('none');
      expect(v.description).toBe('none (default without checkpointing): the first failure fails the job');
    }
  });

  it('is what the engine does: with an interval of 0 a failure fails the job', () => {
    const conf = { 'execution.checkpointing.interval': '0 ms' };
    const sim = Simulation.create(builtinScenario('default')!, { conf, faults: ['task:map/0@2s'] });
    sim.runUntil(3000);
    expect(sim.state.job.status).toBe('FAILED');
    expect(effectiveRestartStrategy(sim.state.config.raw).config.type).toBe('none');
  });

  it('describes a configured strategy', () => {
    expect(effectiveRestartStrategy({ 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '3' })).toMatchObject({ configured: true, description: 'fixed-delay: 3 restarts, 1 s apart' });
    expect(effectiveRestartStrategy({ 'restart-strategy.type': 'failure-rate' }).description).toBe('failure-rate: at most 1 failure per 1 min, 1 s before each restart');
    expect(effectiveFailoverStrategy({})).toBe('region');
    expect(effectiveFailoverStrategy({ 'jobmanager.execution.failover-strategy': 'full' })).toBe('full');
  });
});
