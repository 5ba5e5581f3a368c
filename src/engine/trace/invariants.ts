import type { SimState } from '../sim/state';
import type { Simulation } from '../sim/simulation';
import { InvariantViolation } from '../runtime/task';
import type { TraceEvent } from './events';

/**
 * Watches a run's trace and asserts, as it happens, what must always hold:
 * every record taken from a channel was sent on it, in the order it was sent (FIFO), and taken
 * once; keyed state is only touched for key groups of the subtask's range. `finish` then checks
 * that every record sent was either taken or is still in its channel: nothing lost, nothing twice.
 */
export function watchInvariants(sim: Simulation): { finish(): void; violations: string[] } {
  const violations: string[] = [];
  const outstanding = new Map<number, number[]>(); // channel -> seqs sent, not yet taken, in order
  const heads = new Map<number, number>();
  const state: SimState = sim.state;
  const fail = (msg: string) => {
    violations.push(msg);
    throw new InvariantViolation(msg);
  };
  const unsubscribe = sim.subscribe((ev: TraceEvent) => {
    switch (ev.type) {
      case 'record-sent': {
        let q = outstanding.get(ev.channel);
        if (!q) outstanding.set(ev.channel, (q = []));
        q.push(ev.seq);
        break;
      }
      case 'channel-cleared':
        // failover: the records in flight on this channel vanish
        outstanding.set(ev.channel, []);
        heads.set(ev.channel, 0);
        break;
      case 'record-processed': {
        if (ev.subtask !== state.plan.channels[ev.channel].to) fail(`subtask ${ev.subtask} read channel ${ev.channel}, which is not its input`);
        const q = outstanding.get(ev.channel) ?? [];
        const h = heads.get(ev.channel) ?? 0;
        if (q[h] !== ev.seq) fail(`channel ${ev.channel}: took record seq ${ev.seq}, but the oldest record in the channel is ${q[h]} (FIFO broken, or a record duplicated or lost)`);
        heads.set(ev.channel, h + 1);
        break;
      }
      case 'state-updated': {
        const range = state.plan.subtasks[ev.subtask].keyGroupRange;
        if (!range || ev.keyGroup < range[0] || ev.keyGroup > range[1]) {
          fail(`${state.plan.subtasks[ev.subtask].name} touched key group ${ev.keyGroup} outside its range ${range?.join('-')}`);
        }
        break;
      }
    }
  });
  return {
    violations,
    finish() {
      unsubscribe();
      for (const [channel, q] of outstanding) {
        const left = q.slice(heads.get(channel) ?? 0);
        const inChannel = state.channels[channel].items.slice(state.channels[channel].head).filter((i) => i.kind === 'record').map((i) => i.seq);
        if (left.join(',') !== inChannel.join(',')) fail(`channel ${channel}: records sent but neither taken nor in the channel: sent-not-taken [${left.join(',')}], in channel [${inChannel.join(',')}]`);
      }
    },
  };
}
