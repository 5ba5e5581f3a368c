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
  const text = String(raw).trim();
  const bad = () => new ConfigError(key, `${key}: "${text}" is not accepted; use ${acceptedValues(spec)}`);
  switch (spec.type) {
    case 'duration': {
      const ms = parseDuration(typeof raw === 'number' ? raw : text);
      if (ms === null) throw bad();
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
      const direct = spec.values.find((v) => v.toLowerCase() === text.toLowerCase());
      const alias = spec.aliases?.[text.toLowerCase()];
      if (direct) return direct;
      if (alias) return alias;
      throw bad();
    }
  }
}

/** Validates every key and value; throws a ConfigError naming the first bad one. */
export function validateConf(raw: RawConf): Record<string, ConfValue> {
  const out: Record<string, ConfValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const known = configKey(key);
    if (!known) {
      const near = CONFIG_KEYS.filter((k) => k.key.split('.').slice(0, -1).join('.') === key.split('.').slice(0, -1).join('.')).map((k) => k.key);
      throw new ConfigError(key, `unknown configuration key "${key}"${near.length ? `; keys of that group: ${near.join(', ')}` : `; accepted keys: ${CONFIG_KEYS.map((k) => k.key).join(', ')}`}`);
    }
    out[key] = parseValue(key, known.spec, value);
  }
  return out;
}

/** Parses "key=value" as given to --conf or a URL. */
export function parseConfAssignment(text: string): [string, string] {
  const i = text.indexOf('=');
  if (i <= 0) throw new ConfigError(text, `--conf takes key=value, got "${text}"`);
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** A validated view of the configuration with Flink's defaults filled in. */
export class Conf {
  private readonly values: Record<string, ConfValue>;
  constructor(raw: RawConf = {}) {
    this.values = validateConf(raw);
  }
  has(key: string): boolean {
    return key in this.values;
  }
  private get(key: string): ConfValue | undefined {
    if (key in this.values) return this.values[key];
    const k = configKey(key);
    if (!k) throw new ConfigError(key, `unknown configuration key "${key}"`);
    return k.default === undefined ? undefined : parseValue(key, k.spec, k.default);
  }
  duration(key: string): number | undefined { return this.get(key) as number | undefined; }
  number(key: string): number | undefined { return this.get(key) as number | undefined; }
  bool(key: string): boolean { return this.get(key) === true; }
  text(key: string): string | undefined { return this.get(key) as string | undefined; }
  /** The explicitly set keys, validated, in Flink's text syntax where it applies. */
  explicit(): Record<string, ConfValue> { return { ...this.values }; }
}
