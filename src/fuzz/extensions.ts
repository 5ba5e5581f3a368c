import type { FuzzTarget } from './targets';

// EXTENSION POINT: inputs that do not exist yet.
//
// Two more kinds of file will come from outside: lesson files (CONTRACTS §5,
// src/lessons/content/<id>.json, checked against the lesson schema) and Flink REST documents
// imported into the page (`GET /jobs/:id/checkpoints` and friends). When their parsers exist, add
// a target here for each, built like `scenarioTarget` in targets.ts:
//   - a generator that starts from the real files (every lesson in src/lessons/content, a recorded
//     REST answer) and mutates them with the same `Mutation` list as scenarioGen.ts (its `apply`
//     works on any JSON document);
//   - a check that parses the text with the real entry point and ends in `accepted` (then runs the
//     lesson's scenario twice within the bounds and compares trace hashes) or `refused` with a
//     message that names the path (`steps.2.ask.options.0.id: …`), using `verdictOfError` and
//     `scenarioMessageProblem` from oracle.ts, and listing the new error class (LessonError,
//     ImportError…) in DOCUMENTED_ERRORS there.
// `npm run fuzz -- --target <name>` and `--target all` pick up every entry of this record.

export const EXTENSION_TARGETS: Record<string, FuzzTarget<never>> = {};
