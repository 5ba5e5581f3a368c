import { builtinScenario, Simulation } from '../src/engine';

// The bench scenario alone, for `node --cpu-prof --import tsx bench/profile.ts [key=value ...]`.

const conf: { [key: string]: string } = {};
for (const arg of process.argv.slice(2)) {
  const i = arg.indexOf('=');
  conf[arg.slice(0, i)] = arg.slice(i + 1);
}
const sim = Simulation.create(builtinScenario('bench')!, { conf });
sim.runUntil(Number(process.env.PROFILE_SIM_MS ?? 4300));
const { recordHops, events } = sim.state.stats;
console.log(`${recordHops} record-hops, ${events} events (${(events / recordHops).toFixed(3)} per hop), ${sim.state.coordinator.history.length} checkpoints`);
