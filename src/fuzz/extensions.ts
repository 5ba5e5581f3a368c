import type { FuzzTarget } from './fuzzTarget';
import { lessonTarget, restTarget } from './documentTargets';

// EXTENSION POINT: targets for the files that come from outside besides scenarios, links and
// command lines. Each is in this record; `npm run fuzz -- --target <name>` and `--target all` pick
// up every entry, and fuzz.test.ts runs each with a small count.
//
// Two are here (documentTargets.ts):
//   - `lesson` (generator lessonGen.ts): every lesson of src/lessons/content, mutated with the
//     `Mutation` list of scenarioGen.ts (`apply` works on any JSON document; `config` writes the
//     lesson's `conf`) and two of a lesson's own (a step's `within`, its solution or wrong outcome).
//     The text goes through parseLesson: accepted, or a LessonError whose every problem starts with
//     its path (`steps.2.ask.options.0.id: …`). One accepted input in eight is also checked with
//     checkLesson, twice, when its windows add up to at most LESSON_CHECK_SIMULATED_MS of simulated
//     time: the checker must return its result (never throw), within its event budget, the same
//     both times.
//   - `rest` (generator restGen.ts): the recorded Flink REST documents of
//     src/engine/checkpoint/__fixtures__/flink-rest as one JSON bundle (the argument of
//     importFlinkCheckpoints), mutated the same way. Accepted: the statistics have the shape the
//     Checkpoints panel reads (finite numbers, history oldest first) and two imports agree; refused:
//     a RestImportError whose problems start with `checkpoints`, `config`, `details`, `subtasks` or
//     `job`.
// A new target: a generator from real files and the same mutations, a check that ends in
// `accepted` or `refused` through `verdictOfError` with a message check (its error class listed in
// DOCUMENTED_ERRORS of oracle.ts), an entry below, and a count in fuzz.test.ts.

export const EXTENSION_TARGETS: Record<string, FuzzTarget<never>> = {
  lesson: lessonTarget as FuzzTarget<never>,
  rest: restTarget as FuzzTarget<never>,
};
