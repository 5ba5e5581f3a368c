import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, expandMarkers, MAX_TEXT_CHARS, mutation, type Mutation } from './scenarioGen';

// Mutated Flink REST documents. An input is one of the recorded sets of documents of
// src/engine/checkpoint/__fixtures__/flink-rest (the argument of `importFlinkCheckpoints`: the
// checkpoints document, and maybe its configuration, details, subtask details and job) written as
// one JSON bundle, plus a short list of mutations from the vocabulary of scenarioGen.ts. A
// `config` mutation writes into the bundle's `config`: the checkpoint configuration document.

const DIR = join(import.meta.dirname, '..', 'engine', 'checkpoint', '__fixtures__', 'flink-rest');
const read = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

const V_MAP = '90bea66de1c231edf33913ecd54406c1';
const V_SINK = '6d2677a0ecc3fd8df0b72ec675edf8f4';
const V_SRC = 'cbc357ccb763df2852fee8c4fc7d55f2';

/** The recorded document sets, as the bundle text `restText` mutates. */
export const REST_BASES: Record<string, string> = (() => {
  const full = {
    checkpoints: read('spec-checkpoints.json'),
    config: read('spec-config.json'),
    details: [read('spec-details-4.json'), read('spec-details-6.json')],
    subtasks: [
      { checkpointId: 4, vertexId: V_MAP, document: read('spec-details-4-subtasks-map.json') },
      { checkpointId: 6, vertexId: V_SINK, document: read('spec-details-6-subtasks-sink.json') },
      { checkpointId: 7, vertexId: V_SRC, document: read('spec-details-7-subtasks-source.json') },
    ],
    job: read('spec-job.json'),
  };
  return {
    full: JSON.stringify(full),
    'spec-checkpoints': JSON.stringify({ checkpoints: full.checkpoints }),
    'spec-with-config': JSON.stringify({ checkpoints: full.checkpoints, config: full.config }),
    streampark: JSON.stringify({ checkpoints: read('streampark-checkpoints.json') }),
  };
})();

export interface RestInput { base: string; mutations: Mutation[] }

export const restInput: fc.Arbitrary<RestInput> = fc.record({
  base: fc.constantFrom(...Object.keys(REST_BASES)),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 5 }),
});

/** The mutated documents as one JSON bundle (`{ "checkpoints": …, "config": …, … }`). */
export function restText(input: RestInput): string {
  const doc = JSON.parse(REST_BASES[input.base]) as Record<string, unknown>;
  for (const m of input.mutations) apply(doc, m);
  const text = expandMarkers(JSON.stringify(doc));
  if (text.length > MAX_TEXT_CHARS) throw new Error(`fuzzer bug: a generated REST bundle has ${text.length} characters: ${JSON.stringify(input).slice(0, 1000)}`);
  return text;
}
