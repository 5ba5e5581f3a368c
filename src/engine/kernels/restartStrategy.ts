// Flink's restart strategies as a pure decision over plain state: given the failures so far and the
// time of a new one, restart after which delay, or fail the job for good.

export type RestartStrategyConfig =
  | { type: 'none' }
  | { type: 'fixed-delay'; attempts: number; delayMs: number }
  | { type: 'failure-rate'; maxFailuresPerInterval: number; intervalMs: number; delayMs: number }
  | { type: 'exponential-delay'; initialBackoffMs: number; maxBackoffMs: number; multiplier: number; resetThresholdMs: number; jitterFactor: number; attemptsBeforeReset: number };

export interface RestartStrategyState {
  /** failures counted by fixed-delay, and since the last reset by exponential-delay */
  attempts: number;
  failureTimes: number[];
  currentBackoffMs: number;
  lastFailureAt: number | null;
}

export function initialRestartState(): RestartStrategyState {
  return { attempts: 0, failureTimes: [], currentBackoffMs: 0, lastFailureAt: null };
}

export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

/** `random` is a number in [0, 1) from the simulation's seeded generator (for the jitter). */
export function onFailure(config: RestartStrategyConfig, s: RestartStrategyState, now: number, random: number): RestartDecision {
  switch (config.type) {
    case 'none':
      return { restart: false, reason: 'Recovery is suppressed by NoRestartBackoffTimeStrategy' };
    case 'fixed-delay':
      s.attempts++;
      if (s.attempts > config.attempts) return { restart: false, reason: `Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=${config.attempts})` };
      return { restart: true, delayMs: config.delayMs };
    case 'failure-rate': {
      s.failureTimes = s.failureTimes.filter((t) => now - t < config.intervalMs);
      s.failureTimes.push(now);
      if (s.failureTimes.length > config.maxFailuresPerInterval) {
        return { restart: false, reason: `Recovery is suppressed by FailureRateRestartBackoffTimeStrategy(failuresIntervalMS=${config.intervalMs},maxFailuresPerInterval=${config.maxFailuresPerInterval})` };
      }
      return { restart: true, delayMs: config.delayMs };
    }
    case 'exponential-delay': {
      // A long enough quiet time resets the backoff and the attempts.
      if (s.lastFailureAt !== null && now - s.lastFailureAt >= config.resetThresholdMs) {
        s.currentBackoffMs = 0;
        s.attempts = 0;
      }
      s.lastFailureAt = now;
      s.attempts++;
      if (s.attempts > config.attemptsBeforeReset) {
        return { restart: false, reason: `Recovery is suppressed by ExponentialDelayRestartBackoffTimeStrategy(attemptsBeforeResetBackoff=${config.attemptsBeforeReset})` };
      }
      s.currentBackoffMs = s.currentBackoffMs === 0 ? config.initialBackoffMs : Math.min(s.currentBackoffMs * config.multiplier, config.maxBackoffMs);
      const jitter = s.currentBackoffMs * config.jitterFactor * (random * 2 - 1);
      return { restart: true, delayMs: Math.max(0, Math.round(s.currentBackoffMs + jitter)) };
    }
  }
}
