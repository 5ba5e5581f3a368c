// Every size a lesson file may have. A lesson comes from a file that may be hostile: it is measured
// against these before anything walks it, and the runs it asks for stop at their event budgets.

export const LESSON_LIMITS = {
  /** characters of a lesson file (JSON text) */
  fileChars: 200_000,
  /** nesting of the JSON value (objects and arrays) */
  depth: 14,
  /** values (objects, arrays, scalars) in one lesson */
  nodes: 20_000,
  idChars: 64,
  messageIdChars: 96,
  steps: 40,
  highlights: 16,
  options: 6,
  /** commands of one solution or one wrong outcome */
  commands: 20,
  wrongOutcomes: 6,
  /** children of all / any / sequence */
  predicateChildren: 8,
  /** nesting of predicates inside predicates */
  predicateDepth: 4,
  confKeys: 32,
  confValueChars: 200,
  keyChars: 64,
  /** simulated time one step may run (`within`) */
  stepMs: 120_000,
  /** the time of a command, from the start of its step */
  commandAtMs: 120_000,
  /** events one step's window may run (the main run or one of its forks) */
  stepEvents: 200_000,
  /** events the oracle may run per drain when a fact asks for it */
  oracleEvents: 300_000,
  /** events checking one lesson may run, forks and oracle drains included */
  lessonEvents: 5_000_000,
  /** milestone events (checkpoints, failures, restores) a run keeps for its facts */
  milestones: 20_000,
  /** messages per language file, and characters per message */
  messages: 4_000,
  messageChars: 1_500,
} as const;
