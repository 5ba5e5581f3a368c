import { Conf } from '../config/conf';
import type { RestartStrategyConfig } from '../kernels/restartStrategy';

/** The restart strategy as configured; without one, Flink's default: exponential-delay with checkpointing, none without. */
export function restartStrategyOf(conf: Conf, checkpointingEnabled: boolean): RestartStrategyConfig {
  const type = conf.text('restart-strategy.type') ?? (checkpointingEnabled ? 'exponential-delay' : 'none');
  switch (type) {
    case 'fixed-delay':
      return { type, attempts: conf.number('restart-strategy.fixed-delay.attempts')!, delayMs: conf.duration('restart-strategy.fixed-delay.delay')! };
    case 'failure-rate':
      return {
        type, maxFailuresPerInterval: conf.number('restart-strategy.failure-rate.max-failures-per-interval')!,
        intervalMs: conf.duration('restart-strategy.failure-rate.failure-rate-interval')!, delayMs: conf.duration('restart-strategy.failure-rate.delay')!,
      };
    case 'exponential-delay':
      return {
        type, initialBackoffMs: conf.duration('restart-strategy.exponential-delay.initial-backoff')!,
        maxBackoffMs: conf.duration('restart-strategy.exponential-delay.max-backoff')!,
        multiplier: conf.number('restart-strategy.exponential-delay.backoff-multiplier')!,
        resetThresholdMs: conf.duration('restart-strategy.exponential-delay.reset-backoff-threshold')!,
        jitterFactor: conf.number('restart-strategy.exponential-delay.jitter-factor')!,
        attemptsBeforeReset: conf.number('restart-strategy.exponential-delay.attempts-before-reset-backoff') ?? Infinity,
      };
    default:
      return { type: 'none' };
  }
}
