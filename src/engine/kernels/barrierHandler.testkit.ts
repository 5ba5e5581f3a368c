import { createBarrierHandler, type BarrierHandlerOptions, type GateInput, type HandlerOutput } from './barrierHandler';

// The notation of conformance-examples.md: "D@0 B1@1 C2@1 EOP@2", optional "|" separators,
// optional "n " item numbers. A single-channel sequence may omit "@c".

export function parseGateSequence(text: string): GateInput[] {
  const tokens = text.replace(/\|/g, ' ').replace(/,/g, ' ').split(/\s+/).filter(Boolean).filter((t) => !/^\d+$/.test(t));
  let seq = 0;
  return tokens.map((t): GateInput => {
    const m = /^(D|B(\d+)|C(\d+)|EOP)(?:@(\d+))?$/.exec(t);
    if (!m) throw new Error(`cannot read "${t}"`);
    const channel = m[4] === undefined ? 0 : Number(m[4]);
    if (m[1] === 'D') return { kind: 'record', channel, seq: seq++ };
    if (m[1] === 'EOP') return { kind: 'end-of-partition', channel };
    if (m[2] !== undefined) return { kind: 'barrier', channel, checkpointId: Number(m[2]), timestamp: 0 };
    return { kind: 'cancel', channel, checkpointId: Number(m[3]) };
  });
}

export interface GateRun {
  outputs: HandlerOutput[][];
  all: HandlerOutput[];
  blockedAfter: number[][];
  triggers: number[];
  aborts: number[];
  processedSeqs: number[];
  persisted: { seq: number; checkpointId: number }[];
}

/** Pushes every item (time advancing 1 ms per item unless `times` says otherwise). */
export function runGate(options: BarrierHandlerOptions, inputs: GateInput[], times?: number[]): GateRun {
  const handler = createBarrierHandler(options);
  const run: GateRun = { outputs: [], all: [], blockedAfter: [], triggers: [], aborts: [], processedSeqs: [], persisted: [] };
  inputs.forEach((input, i) => {
    const outs = handler.push(input, times ? times[i] : i);
    run.outputs.push(outs);
    run.all.push(...outs);
    run.blockedAfter.push(handler.blockedChannels());
    for (const o of outs) {
      if (o.kind === 'trigger') run.triggers.push(o.checkpointId);
      if (o.kind === 'abort') run.aborts.push(o.checkpointId);
      if (o.kind === 'process') {
        run.processedSeqs.push(o.seq);
        if (o.persistedFor !== undefined) run.persisted.push({ seq: o.seq, checkpointId: o.persistedFor });
      }
    }
  });
  return run;
}
