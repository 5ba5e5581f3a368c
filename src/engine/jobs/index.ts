// Jobs that change: operator ids, snapshots by operator, the mapping of state onto a new job.
export { operatorIdsOf, operatorIdOfUid, UidCollisionError } from './operatorIds';
export { snapshotByOperator, jobOperatorIds, latestSnapshot, holdsState, type OperatorSnapshot, type OperatorKeyedSnapshot } from './operatorSnapshot';
export { mapSnapshotToJob, type MappingRow, type StateMapping, type SnapshotOperatorInfo, type JobOperatorInfo } from './stateMapping';
export { assignState, stateMappingFor, jobOperatorInfos, snapshotOperatorInfos, nonRestoredStateMessage, StateRestoreError } from './assignState';
export { encodeSnapshotFile, decodeSnapshotFile, SnapshotFileError, SNAPSHOT_FILE_LIMITS, SNAPSHOT_FILE_FORMAT, SNAPSHOT_FILE_VERSION } from './snapshotFile';
export { startFromSnapshot, startMapping, CLAIM_MODES, type ClaimMode, type StartFromSnapshotOptions } from './startFromSnapshot';
export { upgradeJob, previewUpgrade, UPGRADE_EVENT_BUDGET, type UpgradeOptions } from './upgradeJob';
export { cancelJob, retainsOnCancellation, RETENTION_KEY, COORDINATOR_SUSPENDING } from './cancelJob';
