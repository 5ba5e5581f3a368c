import { SCENARIO_LIMITS } from '../scenarios/limits';
import { quote } from '../text/echo';
import { parseDuration } from './duration';
import { acceptedValues, configKey, CONFIG_KEYS, type KeyType } from './keys';

export type ConfValue = string | number | boolean;
export type RawConf = Record<string, ConfValue>;

export class ConfigError extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function parseValue(key: string, spec: KeyType, raw: ConfValue): ConfValue {
  const full = String(raw);
  if (full.length > SCENARIO_LIMITS.configValueChars) {
    throw new ConfigError(key, `${key}: ${quote(full)} is not accepted; values are at most ${SCENARIO_LIMITS.configValueChars} characters`);
  }
  const text = full.trim();
  const bad = () => new ConfigError(key, `${key}: ${quote(text)} is not accepted; use ${acceptedValues(spec)}`);
  switch (spec.type) {
    case 'duration': {
      const ms = parseDuration(typeof raw === 'number' ? raw : text);
      if (ms === null || !Number.isFinite(ms)) throw bad();
      if (spec.min && ms < spec.min.ms && !(spec.min.zeroIsOff && ms === 0)) {
        throw new ConfigError(key, `${key}: ${spec.min.message} (got ${quote(text)})`);
      }
      return ms;
    }
    case 'int': case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n) || (spec.type === 'int' && !Number.isInteger(n))) throw bad();
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) throw bad();
      return n;
    }
    case 'bool':
      if (text === 'true' || text === 'false') return text === 'true';
      throw bad();
    case 'enum': {
      const lower = text.toLowerCase();
      const direct = spec.values.find((v) => v.toLowerCase() === lower);
      const alias = spec.aliases && Object.hasOwn(spec.aliases, lower) ? spec.aliases[lower] : undefined;
      if (direct) return direct;
      if (alias) return alias;
      throw bad();
    }
  }
}

function unknownKey(key: string): ConfigError {
  const group = (k: string) => k.slice(0, Math.max(0, k.lastIndexOf('.')));
  const near = CONFIG_KEYS.filter((k) => group(k.key) === group(key)).map((k) => k.key);
  return new ConfigError(key, `unknown configuration key ${quote(key)}${near.length ? `; keys of that group: ${near.join(', ')}` : `; accepted keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`}`);
}

/**
 * Validates every key and value; throws a ConfigError naming the first bad one. Takes a Map, or an
 * object's own entries (so a "__proto__" key JSON.parse made is seen, and refused as unknown).
 * Returns an object without prototype holding known keys only.
 */
export function validateConf(raw: RawConf | ReadonlyMap<string, ConfValue>): Record<string, ConfValue> {
  const out: Record<string, ConfValue> = Object.create(null) as Record<string, ConfValue>;
  const entries = raw instanceof Map ? raw.entries() : Object.entries(raw);
  for (const [key, value] of entries) {
    const known = configKey(key);
    if (!known) throw unknownKey(key);
    out[key] = parseValue(key, known.spec, value);
  }
  return out;
}

/** Parses "key=value" as given to --conf or a URL. */
export function parseConfAssignment(text: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) throw new ConfigError(text, `--conf takes key=value, got ${quote(text)}`);
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** A validated view of the configuration with Flink's defaults filled in. */
export class Conf {
  private readonly values: Map<string, ConfValue>;
  constructor(raw: RawConf | ReadonlyMap<string, ConfValue> = {}) {
    this.values = new Map(Object.entries(validateConf(raw)));
  }
  has(key: string): boolean {
    return this.values.has(key);
  }
  private get(key: string): ConfValue | undefined {
    if (this.values.has(key)) return this.values.get(key);
    const k = configKey(key);
    if (!k) throw new ConfigError(key, `unknown configuration key ${quote(key)}`);
    return k.default === undefined ? undefined : parseValue(key, k.spec, k.default);
  }
  duration(key: string): number | undefined { return this.get(key) as number | undefined; }
  number(key: string): number | undefined { return this.get(key) as number | undefined; }
  bool(key: string): boolean { return this.get(key) === true; }
  text(key: string): string | undefined { return this.get(key) as string | undefined; }
  /** The explicitly set keys, validated, in Flink's text syntax where it applies. */
  explicit(): Record<string, ConfValue> { return Object.fromEntries(this.values); }
}
