// Jobs that change: operator ids, snapshots by operator, the mapping of state onto a new job.
export { operatorIdsOf, operatorIdOfUid, UidCollisionError } from './operatorIds';
export { snapshotByOperator, jobOperatorIds, latestSnapshot, holdsState, type OperatorSnapshot, type OperatorKeyedSnapshot } from './operatorSnapshot';
export { mapSnapshotToJob, withRefusals, idChanges, type MappingRow, type StateMapping, type SnapshotOperatorInfo, type JobOperatorInfo } from './stateMapping';
export { assignState, stateMappingFor, jobOperatorInfos, snapshotOperatorInfos, nonRestoredStateMessage, StateRestoreError } from './assignState';
export { encodeSnapshotFile, decodeSnapshotFile, SnapshotFileError, SNAPSHOT_FILE_LIMITS, SNAPSHOT_FILE_FORMAT, SNAPSHOT_FILE_VERSION } from './snapshotFile';
export { startFromSnapshot, startMapping, CLAIM_MODES, type ClaimMode, type StartFromSnapshotOptions } from './startFromSnapshot';
export { upgradeJob, previewUpgrade, jobChangeOf, insertKeepsState, UPGRADE_EVENT_BUDGET, type UpgradeOptions, type JobChange } from './upgradeJob';
export { cancelJob, retainsOnCancellation, RETENTION_KEY, COORDINATOR_SUSPENDING } from './cancelJob';
export { submitJob, ENDED_STATUSES, type SubmitOptions } from './submitJob';
export { applyClaimMode, configuredClaimMode, CLAIM_MODE_KEY } from './claimMode';
export { committedOffsetsOf, COMMIT_ON_CHECKPOINT_KEY } from '../runtime/committedOffsets';
export { STARTING_OFFSETS, STARTING_OFFSETS_KEY, OFFSET_RESET_KEY, type StartingOffsets } from '../runtime/startingOffsets';
export { logEndOffset } from '../runtime/sourceLog';
export { sharedFileOwner, sharedFileInUse, type SharedFileOwner } from '../checkpoint/sharedState';
