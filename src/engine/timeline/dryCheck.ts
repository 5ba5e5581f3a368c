import type { SimState } from '../sim/state';
import { createInitialState, Simulation } from '../sim/simulation';
import { CommandsError } from './commandCodec';
import type { RecordedCommand } from './recorder';

// A link's commands, tried on the job before the run is replayed, the way the page would refuse
// them: settings go through the same reconfiguration as a running job's (a key that reshapes the
// job, a combination Flink refuses), and a restore's parallelism must build a valid job. Only what
// depends on the run itself (does snapshot 7 exist by then?) is left to the replay.

/** Throws a CommandsError naming the first command the job would refuse. `initial`: the run at t = 0. */
export function checkCommands(initial: SimState, commands: RecordedCommand[]): void {
  commands.forEach((c, i) => {
    const where = `commands.${i} (${c.command.kind} at ${c.at} ms)`;
    try {
      if (c.command.kind === 'set-config') new Simulation(structuredClone(initial)).reconfigure(c.command.conf);
      if (c.command.kind === 'restore') {
        const overrides = c.command.parallelism;
        const scenario = { ...initial.scenario, faults: [], operators: initial.scenario.operators.map((o) => (Object.hasOwn(overrides, o.id) ? { ...o, parallelism: overrides[o.id] } : o)) };
        const parallelismOf = (id: string) => scenario.operators.find((o) => o.id === id)?.parallelism ?? 0;
        if (scenario.slowSubtasks) scenario.slowSubtasks = scenario.slowSubtasks.filter((s) => s.subtask < parallelismOf(s.operator));
        createInitialState(scenario, { seed: initial.seed, conf: initial.config.raw });
      }
      // the changed job must build with the run's settings (whether its state maps depends on the run)
      if (c.command.kind === 'upgrade') createInitialState({ ...c.command.scenario, faults: [] }, { seed: initial.seed, conf: initial.config.raw });
    } catch (e) {
      throw new CommandsError(`${where}: ${(e as Error).message}`);
    }
  });
}
