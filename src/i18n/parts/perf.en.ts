// The perf part of the page's English messages (merged into en.ts); ko has the same ids (perf.ko.ts).
export const perfEn = {
  'perf.loading': 'Loading…',
  'perf.historyOlder': '{n} older {n|checkpoint is|checkpoints are} counted above but not listed: like Flink\'s web UI, the history keeps the latest {max} (web.checkpoints.history).',
  'perf.marksGrouped': '{n} marks from {from} to {to}: {first} … {last}',
} as const;
