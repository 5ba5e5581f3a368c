// The engine's one entry point. Names fixed by CONTRACTS.md keep their spelling.

export * from './kernels/keyGroups';
export * from './model/types';
export { Simulation, createInitialState, type SimulationOptions } from './sim/simulation';
export { parseScenario, ScenarioError, isKeyedKind, isTwoInputKind } from './scenarios/validate';
export { scenarioSpec, type ScenarioSpec, type OperatorSpec, type EdgeSpec } from './scenarios/schema';
export { BUILTIN_SCENARIOS, builtinScenario, DEFAULT_SCENARIO_ID } from './scenarios/builtin';
export { Conf, ConfigError, validateConf, parseConfAssignment, type RawConf } from './config/conf';
export { CONFIG_KEYS, acceptedValues, configKey, type ConfigKey } from './config/keys';
export { parseDuration, formatDuration, DURATION_SYNTAX } from './config/duration';
export type { TraceEvent, TraceListener } from './trace/events';
export { formatTraceHash, formatTraceEvent } from './trace/hash';
export { buildReport, keyedStateByKey, operatorStateOf, type SimReport } from './report';
export { InvariantViolation } from './runtime/task';
export { KeyedStateAccessError } from './runtime/keyedState';
export { ANIMALS } from './runtime/sourceLog';
export { settingsOf as checkpointSettingsOf } from './checkpoint/coordinator';
export type { CheckpointSettings } from './checkpoint/settings';
export { checkpointingStatistics, checkpointStats, type CheckpointStats, type TaskStats, type SubtaskStats } from './checkpoint/restStats';
export type { CompletedCheckpoint, CheckpointRecord, SubtaskSnapshot, SubtaskAck } from './checkpoint/types';
export { createCheckpointFailureManager, type CheckpointFailureReason } from './kernels/checkpointFailureManager';
export {
  createBarrierHandler, initialBarrierHandlerState, pushGateInput, tickGate, blockedChannelsOf,
  type BarrierHandler, type BarrierHandlerOptions, type BarrierHandlerState, type GateInput, type HandlerOutput,
} from './kernels/barrierHandler';
export { parseFaultSpec, FaultSpecError, FAULT_SYNTAX, type Fault, type ScheduledFault, type CheckpointPhase } from './faults/faultSpec';
export { pendingFaults } from './faults/recovery';
export { compareCheckpointAlgorithms, costWith, runCost, CHECKPOINT_ALGORITHMS, type RunCost } from './checkpoint/algorithmCost';
export { computePipelinedRegions } from './kernels/pipelinedRegions';
export { computeOracle, type OracleResult, type OracleKey } from './oracle/oracle';
export { RunRecorder, applyCommand, type UserCommand, type RecordedCommand } from './timeline/recorder';
export { decodeCommands, CommandsError } from './timeline/commandCodec';
export { redistributeOperatorState, type OperatorStateMode } from './kernels/operatorStateRedistribution';
export { restoreJob, findSnapshot, RestoreError, type RestoreOptions } from './checkpoint/restoreJob';
export { partitionerCarriesUnalignedBarriers } from './runtime/barriers';
