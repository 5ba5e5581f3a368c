// The transfer part of the page's English messages (merged into en.ts); ko has the same ids (transfer.ko.ts).
export const transferEn = {
  // export: the scenario as a Maven project for a real Flink cluster
  'transfer.export': 'Export as Flink job',
  'transfer.exportTitle': 'Download this scenario, with the settings in force, as a Maven project for Flink 2.x: pom.xml, the DataStream job in Java, and config.yaml with its checkpointing configuration',
  'transfer.exporting': 'Exporting…',
  'transfer.exportFailed': 'Could not export the job: {why}',

  // import: a real job's checkpoint statistics from Flink's REST API
  'transfer.import.summary': 'Import a real job\'s checkpoints',
  'transfer.import.hint': 'Paste what Flink\'s REST API returns for a job: GET /jobs/:jobid/checkpoints and, if you have them, …/checkpoints/config, …/checkpoints/details/:checkpointid and …/subtasks/:vertexid, one document after another. Saved files open with Open file….',
  'transfer.paste.label': 'Flink REST documents (JSON)',
  'transfer.paste.import': 'Import',
  'transfer.paste.refused': 'Not imported: {why}. The current run is kept.',
  'transfer.showImported': 'Show the imported job',

  // the imported job in the Checkpoints panel
  'transfer.view.title': 'Imported job: {name}',
  'transfer.view.pasted': 'pasted documents',
  'transfer.view.readOnly': 'read-only',
  'transfer.view.from': 'From {source}.',
  'transfer.view.fromFiles': 'From {n} files.',
  'transfer.view.epoch': 'Times count from the first trigger, {time} UTC.',
  'transfer.view.back': 'Back to the simulated run',
  'transfer.view.close': 'Close the imported job',
  'transfer.view.noHistory': 'The document lists no checkpoints.',
  'transfer.hint.tasks': 'No figures per operator: add GET /jobs/:jobid/checkpoints/details/{id}.',
  'transfer.hint.subtasks': 'No figures per subtask: add GET /jobs/:jobid/checkpoints/details/{id}/subtasks/{vertex}.',
  'transfer.noConfig': 'No configuration imported: add GET /jobs/:jobid/checkpoints/config.',
  'transfer.setAside.details': '{source}: the details of checkpoint {id}, which the history does not list, are not shown.',
  'transfer.setAside.subtasks': '{source}: the subtasks of checkpoint {id} are not shown: no details document of checkpoint {id} names their vertex (add details/{id}, or save the file under the vertex id).',
  'transfer.conf.externalized': 'Persist Checkpoints Externally',
  'transfer.conf.externalizedRetain': 'Enabled (retain on cancellation)',
  'transfer.conf.externalizedDelete': 'Enabled (delete on cancellation)',
  'transfer.conf.finishedTasks': 'Checkpoints With Finished Tasks',
  'transfer.conf.changelog': 'Changelog state-backend',
  'transfer.conf.disabled': 'Disabled',

  // patterns the lessons teach, found in the figures
  'transfer.notes.heading': 'What the figures show',
  'transfer.note.alignment-dominates': 'Checkpoint{n||s} {ids}: a subtask spent at least {share} of the end-to-end duration aligning barriers: the barriers waited behind back-pressured channels.',
  'transfer.note.start-delay-dominates': 'Checkpoint{n||s} {ids}: the first barrier reached a subtask only after at least {share} of the end-to-end duration (start delay): barriers queued behind in-flight records.',
  'transfer.note.checkpoints-expiring': 'Checkpoint{n||s} {ids} expired: {n|it|they} ran past execution.checkpointing.timeout.',
  'transfer.note.persisted-in-flight': 'Checkpoint{n||s} {ids} persisted in-flight data with the snapshot: unaligned checkpoints (or aligned ones that timed out into unaligned).',
  'transfer.note.async-dominates': 'Checkpoint{n||s} {ids}: the asynchronous part (uploading state to checkpoint storage) took at least {share} of the end-to-end duration.',
  'transfer.note.lesson': 'Lesson: {title}',
  'transfer.lesson.backpressure': 'Checkpoints under backpressure',
  'transfer.lesson.unaligned': 'Unaligned checkpoints',
  'transfer.lesson.state-backends': 'State backends',
} as const;
