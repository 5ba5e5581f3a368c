// Exporting a scenario out of the lab: pure functions over the engine's scenario format, usable
// from the CLI and the page alike.

export type { ProjectFile } from './files';
export { flinkProject } from './flinkJob/project';
export { buildJobModel, operatorUid, type ExportOptions, type JobModel } from './flinkJob/jobModel';
export { FLINK_VERSION, KAFKA_CONNECTOR_VERSION } from './flinkJob/versions';
export { zipProject } from './zipProject';
