import { z } from 'zod';
import type { PhysicalPlan } from '../model/types';
import { validateConf } from '../config/conf';
import { parseScenario } from '../scenarios/validate';
import { SCENARIO_LIMITS } from '../scenarios/limits';
import { memoised } from '../scenarios/memoised';
import type { RecordedCommand } from './recorder';

// The user's commands of a run as plain JSON, checked before they are replayed: a run travels
// as scenario + seed + settings + these commands (the page's share link), and whatever arrives
// from outside must name subtasks and channels the job has.

// built on first use (scenarios/memoised.ts)
const commandsSchema = memoised(() => {
  const index = z.number().int().nonnegative();
  const fault = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('task'), subtask: index }),
    z.object({ kind: z.literal('taskmanager'), index }),
    z.object({ kind: z.literal('jobmanager') }),
    z.object({ kind: z.literal('storage-outage'), durationMs: z.number().positive() }),
    z.object({ kind: z.literal('slow'), subtask: index, factor: z.number().positive() }),
    z.object({ kind: z.literal('channel'), channel: index }),
  ]);
  const phase = z.object({ phase: z.enum(['alignment', 'acknowledged', 'completed']), checkpointId: z.number().int().positive(), subtask: index.optional() });
  const command = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fault'), fault }),
    z.object({ kind: z.literal('arm-fault'), fault, when: phase }),
    z.object({ kind: z.literal('trigger-checkpoint') }),
    z.object({ kind: z.literal('trigger-savepoint') }),
    z.object({ kind: z.literal('stop-with-savepoint') }),
    z.object({ kind: z.literal('set-config'), conf: z.record(z.string(), z.string()) }),
    z.object({ kind: z.literal('restore'), snapshotId: z.number().int().positive(), parallelism: z.record(z.string(), z.number().int().positive()), allowNonRestoredState: z.boolean() }),
    // the changed job is checked as a scenario file is (parseScenario), below
    z.object({ kind: z.literal('upgrade'), scenario: z.unknown(), allowNonRestoredState: z.boolean() }),
    z.object({ kind: z.literal('cancel') }),
    // `flink run [-s] [--claim-mode] [-n]` after the job ended: the same job, so the same subtasks
    z.object({
      kind: z.literal('submit'), snapshotId: z.number().int().positive().optional(), claimMode: z.enum(['NO_CLAIM', 'CLAIM']).optional(),
      allowNonRestoredState: z.boolean().optional(), startingOffsets: z.enum(['earliest', 'latest', 'committed-offsets']).optional(),
    }).strict(),
  ]);
  return z.array(z.object({ at: z.number().nonnegative(), command }));
});

export class CommandsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandsError';
  }
}

/** The commands in `value`, in time order, or a CommandsError naming the first thing wrong. */
export function decodeCommands(value: unknown, plan: PhysicalPlan): RecordedCommand[] {
  const parsed = commandsSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandsError(`commands.${issue.path.join('.')}: ${issue.message}`);
  }
  const taskManagers = new Set(plan.subtasks.map((s) => s.taskManager));
  // a restore reshapes the job: from then on subtasks are counted with its parallelism, and
  // TaskManagers and channels are left to the replay to check
  const parallelism = new Map(plan.operators.map((o) => [o.id, o.parallelism]));
  let subtasks = plan.subtasks.length;
  let reshaped = false;
  const sorted = [...parsed.data].sort((a, b) => a.at - b.at);
  sorted.forEach(({ command: c }, i) => {
    const where = `commands.${i}`;
    const f = c.kind === 'fault' || c.kind === 'arm-fault' ? c.fault : null;
    if (f && (f.kind === 'task' || f.kind === 'slow') && f.subtask >= subtasks) throw new CommandsError(`${where}: the job has no subtask ${f.subtask} (it has ${subtasks})`);
    if (f?.kind === 'taskmanager' && !reshaped && !taskManagers.has(f.index)) throw new CommandsError(`${where}: the job has no TaskManager ${f.index}`);
    if (f?.kind === 'channel' && !reshaped && f.channel >= plan.channels.length) throw new CommandsError(`${where}: the job has no channel ${f.channel}`);
    if (c.kind === 'arm-fault' && c.when.subtask !== undefined && c.when.subtask >= subtasks) throw new CommandsError(`${where}: the job has no subtask ${c.when.subtask}`);
    if (c.kind === 'restore') {
      for (const [id, p] of Object.entries(c.parallelism)) {
        const op = plan.operators.find((o) => o.id === id);
        if (!op) throw new CommandsError(`${where}.parallelism: the job has no operator "${id}" (it has ${plan.operators.map((o) => o.id).join(', ')})`);
        if (p > op.maxParallelism) throw new CommandsError(`${where}.parallelism.${id}: ${p} is above the operator's max parallelism ${op.maxParallelism}`);
        parallelism.set(id, p);
      }
      subtasks = [...parallelism.values()].reduce((n, p) => n + p, 0);
      reshaped = true;
    }
    if (c.kind === 'upgrade') {
      try {
        c.scenario = parseScenario(c.scenario);
      } catch (e) {
        throw new CommandsError(`${where}.scenario: ${(e as Error).message}`);
      }
      // the new job's subtasks depend on the run's settings (parallelism.default): the replay checks them
      subtasks = SCENARIO_LIMITS.subtasks;
      reshaped = true;
    }
    if (c.kind === 'set-config') {
      try {
        validateConf(c.conf);
      } catch (e) {
        throw new CommandsError(`${where}: ${(e as Error).message}`);
      }
    }
  });
  return sorted as RecordedCommand[];
}
