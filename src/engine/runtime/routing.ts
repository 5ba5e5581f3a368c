import { assignToKeyGroup } from '../kernels/keyGroups';
import type { PlanSubtask, Rec } from '../model/types';
import type { SimState } from '../sim/state';
import { deliveryTime, enqueue, hasCredit } from './channels';
import { requestWake, type Runtime } from './runtime';
import { traceRecordSent } from '../trace/hotEvents';

// Output side of a subtask: Flink's partitioners pick the channel(s) of each output edge.

/** Flink's record writer needs a free buffer on its output before it processes a record. */
export function outputsHaveCredit(state: SimState, ps: PlanSubtask): boolean {
  const outputs = ps.outputs;
  for (let o = 0; o < outputs.length; o++) {
    const channels = outputs[o].channels;
    for (let i = 0; i < channels.length; i++) if (!hasCredit(state.channels[channels[i]])) return false;
  }
  return true;
}

export function sendRecord(rt: Runtime, channelId: number, rec: Rec, sentAt: number): void {
  const state = rt.state;
  const ch = state.channels[channelId];
  const deliverAt = deliveryTime(state, ch, sentAt);
  const seq = state.seq++;
  enqueue(ch, { kind: 'record', rec, seq, sentAt, deliverAt });
  traceRecordSent(rt, state.now, channelId, seq, rec.key, deliverAt);
  requestWake(state, state.plan.channels[channelId].to, deliverAt);
}

export function routeRecord(rt: Runtime, ps: PlanSubtask, rec: Rec, sentAt: number): void {
  const state = rt.state;
  const st = state.subtasks[ps.id];
  for (let o = 0; o < ps.outputs.length; o++) {
    const out = ps.outputs[o];
    const edge = state.plan.edges[out.edge];
    switch (edge.partitioner) {
      case 'forward':
        sendRecord(rt, out.channels[0], rec, sentAt);
        break;
      case 'hash': {
        const to = state.plan.operators[edge.to];
        // Flink's computeOperatorIndexForKeyGroup, without the checks: the plan passed them
        const keyGroup = assignToKeyGroup(rec.key, to.maxParallelism);
        sendRecord(rt, out.channels[Math.floor((keyGroup * to.parallelism) / to.maxParallelism)], rec, sentAt);
        break;
      }
      case 'rebalance': {
        const next = st.roundRobin[o];
        st.roundRobin[o] = (next + 1) % out.channels.length;
        sendRecord(rt, out.channels[next], rec, sentAt);
        break;
      }
      case 'broadcast':
        for (const c of out.channels) sendRecord(rt, c, rec, sentAt);
        break;
    }
  }
}
