// The engine's one entry point. Names fixed by CONTRACTS.md keep their spelling.

export * from './kernels/keyGroups';
export * from './model/types';
export type { SimState, SubtaskState, SnapshotInProgress, SimEvent, QueuedEvent, RestoreRecord } from './sim/state';
export { Simulation, createInitialState, type SimulationOptions } from './sim/simulation';
export { RUN_LIMITS, runGrowth, runSizes, guardMessage, type RunLimit, type RunLimits, type GuardTrip } from './sim/runGuard';
export { parseScenario, ScenarioError, isKeyedKind, isTwoInputKind } from './scenarios/validate';
export { scenarioSpecSchema, type ScenarioSpec, type OperatorSpec, type EdgeSpec } from './scenarios/schema';
export { parseScenarioText, shownProblems } from './scenarios/validate';
export { SCENARIO_LIMITS, jobSizeProblems, type ScenarioLimit } from './scenarios/limits';
export { echo, quote, ECHO_MAX_CHARS } from './text/echo';
export { MINIMAL_CHECKPOINT_TIME_MS } from './config/keys';
export { BUILTIN_SCENARIOS, builtinScenario, DEFAULT_SCENARIO_ID } from './scenarios/builtin';
export { Conf, ConfigError, validateConf, parseConfAssignment, type RawConf } from './config/conf';
export { CONFIG_KEYS, acceptedValues, configKey, type ConfigKey } from './config/keys';
export { parseDuration, formatDuration, DURATION_SYNTAX } from './config/duration';
export { MAX_DURATION_MS, MAX_DURATION_TEXT } from './config/duration';
export type { TraceEvent, TraceListener } from './trace/events';
export { formatTraceHash, formatTraceEvent } from './trace/hash';
export { buildReport, keyedStateByKey, operatorStateOf, type SimReport } from './report';
export { InvariantViolation } from './runtime/task';
export { KeyedStateAccessError } from './runtime/keyedState';
export { plainStateValue } from './runtime/keyedState';
export { countEntries, countOperatorEntries, holdsExpired, isExpired, timestampName } from './runtime/stateTtl';
export type { StateSizeSample } from './runtime/stateSizes';
export { ANIMALS } from './runtime/sourceLog';
export { settingsOf as checkpointSettingsOf } from './checkpoint/settings';
export type { CheckpointSettings } from './checkpoint/settings';
export { checkpointingStatistics, checkpointStats, type CheckpointStats, type TaskStats, type SubtaskStats } from './checkpoint/restStats';
export { importFlinkCheckpoints, RestImportError, type FlinkRestDocuments, type ImportedCheckpoints, type CheckpointingStatistics } from './checkpoint/restImport';
export { checkpointPatterns, DOMINANT_SHARE, type PatternNote, type PatternId } from './checkpoint/restPatterns';
export { REST_IMPORT_LIMITS } from './checkpoint/restImportSchema';
export type { CompletedCheckpoint, CheckpointRecord, SubtaskSnapshot, SubtaskAck } from './checkpoint/types';
export { createCheckpointFailureManager, type CheckpointFailureReason } from './kernels/checkpointFailureManager';
export {
  createBarrierHandler, initialBarrierHandlerState, pushGateInput, tickGate, blockedChannelsOf,
  type BarrierHandler, type BarrierHandlerOptions, type BarrierHandlerState, type GateInput, type HandlerOutput,
} from './kernels/barrierHandler';
export { parseFaultSpec, FaultSpecError, FAULT_SYNTAX, type Fault, type ScheduledFault, type CheckpointPhase } from './faults/faultSpec';
export { MAX_SLOW_FACTOR, MAX_PHASE_CHECKPOINT_ID } from './faults/faultSpec';
export { pendingFaults } from './faults/recovery';
export { compareCheckpointAlgorithms, costWith, runCost, CHECKPOINT_ALGORITHMS, type RunCost } from './checkpoint/algorithmCost';
export { computePipelinedRegions } from './kernels/pipelinedRegions';
export { computeOracle, oracleSteps, type OracleResult, type OracleKey, type OracleBrokerAbort } from './oracle/oracle';
export { ORACLE_EVENT_BUDGET, type OracleOptions, type OracleJudged } from './oracle/oracle';
export { RunRecorder, applyCommand, type UserCommand, type RecordedCommand } from './timeline/recorder';
export { decodeCommands, CommandsError } from './timeline/commandCodec';
export { ReplayError } from './timeline/recorder';
export { redistributeOperatorState, type OperatorStateMode } from './kernels/operatorStateRedistribution';
export { restoreJob, restoreMapping, findSnapshot, RestoreError, type RestoreOptions } from './checkpoint/restoreJob';
export * from './jobs';
export { partitionerCarriesUnalignedBarriers } from './runtime/barriers';
export {
  formatSubtaskId, formatChannelId, formatCheckpointId, formatOperatorId, formatStableId, parseStableId,
  subtaskIdOf, channelIdOf, operatorIdOf, findSubtask, findChannel, stableIdExists, stableIdsOf,
  type StableId, type SubtaskRef, type PlanStableIds,
} from './ids';
export { eventIds, eventIdList, type EventIds } from './trace/eventIds';
export type { TraceEventType, TraceEventOf, CheckpointSkipReason } from './trace/events';
export { subtaskView, barrierHandlingOf, arrivedCount, recordsInFlight, type SubtaskView, type BarrierWaitView, type SnapshotPhase } from './view/subtaskView';
export { channelShape, channelView, type ChannelShape, type ChannelView } from './view/channelView';
export { channelMessages, visitChannelRecords, rpcMessages, messagesInFlight, type RecordVisitor, type ChannelMessage, type RpcMessage, type RpcKind, type MessageView } from './view/messages';
export { coordinatorView, storageView, type CoordinatorView, type PendingCheckpointView, type StorageView } from './view/coordinatorView';
export { configView, effectiveRestartStrategy, effectiveFailoverStrategy, type ConfigKeyView, type RestartStrategyView } from './view/configView';
export { sinkWritesView, recentWrites, writesAgain, writtenAlready, sourceRecordId, type SinkWritesView, type WrittenRecord } from './view/sinkWrites';
export { afterBarrierChannels, afterBarrierInCheckpoint, AfterBarrierLog, type AfterBarrierRecord, type CheckpointAfterBarrier } from './view/afterBarrier';
export { transactionWatchOf, TransactionWatch, MAX_LANES, type TransactionLane, type TransactionStatus } from './view/transactions';
export { sourceOffsetsView, sharedFilesView, type SourceOffsetsView, type PartitionOffsets, type SharedFileView } from './view/sourceOffsets';
