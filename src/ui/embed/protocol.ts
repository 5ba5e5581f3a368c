import { z } from 'zod';
import { builtinScenario, BUILTIN_SCENARIOS, quote, SCENARIO_LIMITS, validateConf } from '../../engine';
import { MAX_LINK_TIME_MS } from '../../store/urlParams';

// The messages an embedded page exchanges with the page around it (CONTRACTS.md section 6). What
// arrives is anyone's: its shape and bounds are checked here before anything acts on it, and what
// is wrong is said in words the host's developer can act on.

export const EMBED_SOURCE = 'checkpoint-lab';

/** bounds of what a message may carry, checked before any work */
export const EMBED_LIMITS = {
  idChars: 64,
  /** lesson steps are counted from 1 */
  maxStep: 1000,
  maxSeekMs: MAX_LINK_TIME_MS,
  confEntries: SCENARIO_LIMITS.configEntries,
  confKeyChars: SCENARIO_LIMITS.configKeyChars,
  confValueChars: SCENARIO_LIMITS.configValueChars,
} as const;

const id = z.string().min(1).max(EMBED_LIMITS.idChars).regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const conf = z.record(z.string().max(EMBED_LIMITS.confKeyChars), z.string().max(EMBED_LIMITS.confValueChars));

const load = z.object({
  type: z.literal('load'),
  scenario: id.optional(),
  lesson: id.optional(),
  step: z.int().min(1).max(EMBED_LIMITS.maxStep).optional(),
  seed: z.int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  conf: conf.optional(),
});

const inbound = z.discriminatedUnion('type', [
  load,
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('seek'), t: z.number().min(0).max(EMBED_LIMITS.maxSeekMs) }),
  z.object({ type: z.literal('getState') }),
]);

export type EmbedLoad = Omit<z.infer<typeof load>, 'conf'> & { conf?: Record<string, string> };
export type EmbedCommand = Exclude<z.infer<typeof inbound>, { type: 'load' }> | EmbedLoad;

export const EMBED_MESSAGE_TYPES = ['load', 'play', 'pause', 'step', 'seek', 'getState'] as const;

export interface EmbedState {
  source: typeof EMBED_SOURCE;
  type: 'state';
  /** simulated milliseconds shown */
  simTime: number;
  playing: boolean;
  traceHash: string;
  lesson?: string;
  step?: number;
}

export type EmbedOutbound =
  | { source: typeof EMBED_SOURCE; type: 'ready' }
  | EmbedState
  | { source: typeof EMBED_SOURCE; type: 'error'; message: string };

/** Whether `data` is addressed to this page at all: an object tagged with our source. Others are ignored, unanswered. */
export function isForUs(data: unknown): data is { source: string } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, 'source') && (data as { source: unknown }).source === EMBED_SOURCE;
}

function where(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'the message';
}

/** The first problems zod found, in one sentence. */
function describe(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${where(i.path)}: ${i.message}`).join('; ');
}

/**
 * A tagged message checked against the protocol: the command it asks for, or why it is refused.
 * `conf` comes back with only known keys and valid values, in an object made from a Map.
 */
export function parseEmbedMessage(data: { source: string }): { command: EmbedCommand } | { error: string } {
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !(EMBED_MESSAGE_TYPES as readonly string[]).includes(type)) {
    const given = typeof type === 'string' ? quote(type) : `a ${type === null ? 'null' : typeof type}`;
    return { error: `type ${given} is not a message this page takes; send one of ${EMBED_MESSAGE_TYPES.join(', ')}.` };
  }
  const parsed = inbound.safeParse(data);
  if (!parsed.success) return { error: `${type}: ${describe(parsed.error)}.` };
  const command = parsed.data;
  if (command.type !== 'load') return { command };
  return checkLoad(command);
}

function checkLoad(command: z.infer<typeof load>): { command: EmbedLoad } | { error: string } {
  const { conf: rawConf, ...rest } = command;
  if (rest.scenario === undefined && rest.lesson === undefined) return { error: 'load: give a scenario or a lesson.' };
  if (rest.scenario !== undefined && rest.lesson !== undefined) return { error: 'load: give a scenario or a lesson, not both (a lesson brings its own scenario).' };
  if (rest.step !== undefined && rest.lesson === undefined) return { error: 'load: step is a lesson step; give it with a lesson.' };
  if (rest.scenario !== undefined && !builtinScenario(rest.scenario)) {
    return { error: `load: scenario ${quote(rest.scenario)} does not exist; built-in scenarios are ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}.` };
  }
  if (rawConf === undefined) return { command: rest };
  const entries = Object.entries(rawConf);
  if (entries.length > EMBED_LIMITS.confEntries) return { error: `load: conf has ${entries.length} keys; this page takes at most ${EMBED_LIMITS.confEntries}.` };
  const given = new Map(entries);
  try {
    validateConf(given);
  } catch (e) {
    return { error: `load: conf: ${(e as Error).message}.` };
  }
  return { command: { ...rest, conf: Object.fromEntries(given) } };
}
