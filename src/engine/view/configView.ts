import { checkpointSettings } from '../checkpoint/settings';
import { Conf, type RawConf } from '../config/conf';
import { formatDuration } from '../config/duration';
import { CONFIG_KEYS, acceptedValues, type KeyType } from '../config/keys';
import { restartStrategyOf } from '../faults/restartConfig';
import type { RestartStrategyConfig } from '../kernels/restartStrategy';

// The configuration as the page shows it: every key with its default, what it accepts and what
// it means, the value set for the run; and what the engine will do with it where that follows
// from several keys (the restart strategy's default depends on checkpointing).

export interface ConfigKeyView {
  key: string;
  type: KeyType['type'];
  /** Flink's default in Flink's syntax; undefined: absent unless set */
  default: string | undefined;
  /** what the key accepts, in words */
  accepted: string;
  /** the values to pick from (enumerations and booleans); undefined: typed in */
  choices: string[] | undefined;
  doc: string;
  /** as set for this run (by the scenario or the user); undefined: not set */
  value: string | undefined;
  /** what is in force: the value set, else the default */
  effective: string | undefined;
}

function choicesOf(spec: KeyType): string[] | undefined {
  if (spec.type === 'enum') return [...spec.values];
  if (spec.type === 'bool') return ['false', 'true'];
  return undefined;
}

/** Every configuration key, in the order of Flink's documentation tables (keys.ts). */
export function configView(raw: { readonly [key: string]: string } = {}): ConfigKeyView[] {
  return CONFIG_KEYS.map((k) => {
    const value = Object.hasOwn(raw, k.key) ? raw[k.key] : undefined;
    return { key: k.key, type: k.spec.type, default: k.default, accepted: acceptedValues(k.spec), choices: choicesOf(k.spec), doc: k.doc, value, effective: value ?? k.default };
  });
}

export interface RestartStrategyView {
  config: RestartStrategyConfig;
  /** restart-strategy.type is set; otherwise Flink's default for the checkpointing in force */
  configured: boolean;
  /** the strategy and its figures, in words */
  description: string;
}

function describe(c: RestartStrategyConfig): string {
  switch (c.type) {
    case 'none': return 'none: the first failure fails the job';
    case 'fixed-delay': return `fixed-delay: ${c.attempts} restart${c.attempts === 1 ? '' : 's'}, ${formatDuration(c.delayMs)} apart`;
    case 'failure-rate': return `failure-rate: at most ${c.maxFailuresPerInterval} failure${c.maxFailuresPerInterval === 1 ? '' : 's'} per ${formatDuration(c.intervalMs)}, ${formatDuration(c.delayMs)} before each restart`;
    case 'exponential-delay': {
      const attempts = Number.isFinite(c.attemptsBeforeReset) ? `, at most ${c.attemptsBeforeReset} restarts` : '';
      return `exponential-delay: ${formatDuration(c.initialBackoffMs)}, ×${c.multiplier} per failure up to ${formatDuration(c.maxBackoffMs)}${attempts}`;
    }
  }
}

/**
 * The restart strategy the engine applies to a failure under this configuration: the one set, or
 * Flink's default (exponential-delay with checkpointing, none without, an interval of 0 included).
 */
export function effectiveRestartStrategy(conf: Conf | RawConf): RestartStrategyView {
  const c = conf instanceof Conf ? conf : new Conf(conf);
  const checkpointing = checkpointSettings(c).enabled;
  const config = restartStrategyOf(c, checkpointing);
  const configured = c.has('restart-strategy.type');
  const why = configured ? '' : checkpointing ? ' (default with checkpointing)' : ' (default without checkpointing)';
  const text = describe(config);
  const colon = text.indexOf(':');
  return { config, configured, description: `${text.slice(0, colon)}${why}${text.slice(colon)}` };
}

/** Which subtasks a failure restarts: its pipelined region, or the whole job. */
export function effectiveFailoverStrategy(conf: Conf | RawConf): 'region' | 'full' {
  const c = conf instanceof Conf ? conf : new Conf(conf);
  return c.text('jobmanager.execution.failover-strategy') === 'full' ? 'full' : 'region';
}
