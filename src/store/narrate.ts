import { barrierHandlingOf, checkpointSettingsOf, eventIdList, partitionerCarriesUnalignedBarriers, stableIdsOf, type SimState, type TraceEvent } from '../engine';

// The event log tells what happens in words, with Flink's names for subtasks; each line carries
// the stable ids (`count/1`, `map/0->count/1`, `cp:3`) of what it mentions, for highlights.
// A line is a message (`msg`: an id and its parameters) said in English (`text`) or Korean
// (narrationText). The two languages' sentences are below, side by side; Flink's names, statuses
// and the engine's own reasons stay English in both. (The store cannot import src/i18n, so the
// narration keeps its own two tables; src/i18n/i18n.test.ts checks that they have the same ids.)

export type NarrationLang = 'en' | 'ko';

export interface LogLine {
  id: number;
  time: number;
  /** the line in English */
  text: string;
  kind: 'record' | 'state' | 'flow' | 'job' | 'checkpoint';
  /** stable ids of the subtasks, channels and checkpoints the line mentions */
  ids: string[];
  /** what the line says, to be said in another language; absent on lines written elsewhere in English */
  msg?: NarrationMsg;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const EN = {
  recordRead: (p: { name: string; key: string; offset: number; partition: number }) => `${p.name} read ${p.key} at offset ${p.offset} of partition ${p.partition}`,
  stateUpdated: (p: { name: string; state: string; key: string; keyGroup: number; value: string }) => `${p.name}: ${p.state} of ${p.key} (key group ${p.keyGroup}) is now ${p.value || 'cleared'}`,
  sinkReceived: (p: { name: string; key: string; value: string }) => `${p.name} received ${p.key} = ${p.value}`,
  backpressureOn: (p: { name: string }) => `${p.name} is back-pressured: an output channel is full`,
  backpressureOff: (p: { name: string }) => `${p.name} has credit again`,
  subtaskFinished: (p: { name: string }) => `${p.name} FINISHED (end of partition on every input)`,
  jobStatus: (p: { status: string; reason: string }) => `Job ${p.status}${p.reason ? `: ${p.reason}` : ''}`,
  checkpointTriggered: (p: { savepoint: boolean; id: number }) => `JobManager triggers ${p.savepoint ? 'savepoint' : 'checkpoint'} ${p.id}: the sources will inject barrier ${p.id}`,
  skippedMinPause: (p: { ms: number }) => `Periodic checkpoint skipped: min pause not over (${p.ms} ms to go)`,
  skipped: (p: { reason: string }) => `Checkpoint not triggered: ${p.reason}`,
  barrierOvertaking: (p: { name: string; id: number }) => `${p.name} sends unaligned barrier ${p.id} on every output channel: it overtakes the records queued there`,
  barrierBehind: (p: { name: string; id: number }) => `${p.name} sends barrier ${p.id} on every output channel, behind the queued records (forward channels stay aligned)`,
  barrierSent: (p: { name: string; id: number }) => `${p.name} sends barrier ${p.id} on every output channel`,
  barrierTimedOut: (p: { name: string; id: number }) => `${p.name}: barrier ${p.id}, still queued behind records, timed out (aligned-checkpoint-timeout) and becomes unaligned: it overtakes them`,
  tracking: (p: { name: string; id: number; n: number }) => `${p.name} is tracking barrier ${p.id}: ${plural(p.n, 'input')} to go, nothing blocked (at-least-once: it keeps reading every input, so records behind the barrier may get into the snapshot and count twice after a restore)`,
  aligning: (p: { name: string; id: number }) => `${p.name} got its first barrier ${p.id}: aligning, that channel is blocked until the others deliver theirs`,
  unalignedFirst: (p: { name: string; id: number }) => `${p.name} got its first barrier ${p.id} and checkpoints at once (unaligned): nothing blocked; records still ahead of the other inputs' barriers are persisted as channel state`,
  snapshotStarted: (p: { name: string; id: number; unaligned: boolean; syncMs: number }) => `${p.name} snapshots its state for checkpoint ${p.id}${p.unaligned ? ' (unaligned: in-flight records persisted)' : ''}: sync ${p.syncMs} ms, then async upload`,
  acknowledged: (p: { name: string; id: number }) => `JobManager: ${p.name} acknowledged checkpoint ${p.id}`,
  completed: (p: { savepoint: boolean; id: number }) => `${p.savepoint ? 'Savepoint' : 'Checkpoint'} ${p.id} COMPLETED: every subtask acknowledged`,
  failed: (p: { id: number; reason: string }) => `Checkpoint ${p.id} FAILED (${p.reason})`,
  declined: (p: { name: string; id: number; reason: string }) => `${p.name} declines checkpoint ${p.id} (${p.reason}) and sends a cancellation marker downstream`,
  committed: (p: { name: string; id: number; n: number }) => `${p.name} commits ${p.n} records of checkpoint ${p.id}`,
  taskFailed: (p: { name: string; cause: string }) => `${p.name} FAILED: ${p.cause}`,
  tasksCanceled: (p: { subtasks: number; failed: number; canceled: number; lost: number }) => `Failover: ${p.subtasks} subtasks restart (${p.failed} failed, ${p.canceled} cancelled); ${p.lost} records in flight on their channels vanish; pending checkpoints aborted`,
  restored: (p: { subtasks: number; id: number; replayed: number }) => `Restored ${p.subtasks} subtasks from checkpoint ${p.id}: key groups and offsets back to its values${p.replayed ? `, ${p.replayed} in-flight records replayed first` : ''}; sources re-read from the restored offsets`,
  restartedEmpty: (p: { subtasks: number }) => `Restarted ${p.subtasks} subtasks with empty state (no completed checkpoint): sources read from their start positions`,
  jobManagerLost: (p: { n: number }) => `JobManager failed: ${p.n} checkpoints held in its memory are lost`,
  jobManagerKept: (_p: Record<string, never>) => 'JobManager failed: the checkpoints in the file system survive',
  taskManagerLost: (p: { index: number; subtasks: number }) => `TaskManager ${p.index} lost: its ${p.subtasks} subtasks fail with it`,
  storageOutage: (p: { until: string }) => `Checkpoint storage unreachable until ${p.until} s: uploads fail, checkpoints are declined`,
  configurationChanged: (p: { keys: string }) => `Checkpointing settings changed (${p.keys}); pending checkpoints aborted, barriers handled the new way from now on`,
  worldStopped: (p: { id: number }) => `Stop-the-world: nothing in flight any more, every task snapshots for checkpoint ${p.id}`,
  worldResumed: (p: { id: number }) => `Stop-the-world: checkpoint ${p.id} done, sources resume`,
  brokerAborted: (p: { name: string; txn: string; id: number; n: number; at: string; timeout: string }) => `${p.name} cannot commit transaction ${p.txn} of checkpoint ${p.id}: the broker aborted it at ${p.at} s, open longer than transaction.timeout.ms (${p.timeout} s). ProducerFencedException, ${plural(p.n, 'record')} lost`,
};

type Templates = typeof EN;
export type NarrationId = keyof Templates;
export type NarrationMsg = { [K in NarrationId]: { id: K; p: Parameters<Templates[K]>[0] } }[NarrationId];

// 한국어: -습니다 체. 영어 이름 뒤의 조사는 "레코드를", "값이"처럼 한국어 명사를 붙여 피합니다.
const KO: { [K in NarrationId]: (p: Parameters<Templates[K]>[0]) => string } = {
  recordRead: (p) => `${p.name}: 파티션 ${p.partition}의 오프셋 ${p.offset}에서 ${p.key} 레코드를 읽었습니다`,
  stateUpdated: (p) => (p.value ? `${p.name}: ${p.key}의 ${p.state} 값이 이제 ${p.value}입니다 (키 그룹 ${p.keyGroup})` : `${p.name}: ${p.key}의 ${p.state} 값을 지웠습니다 (키 그룹 ${p.keyGroup})`),
  sinkReceived: (p) => `${p.name}: ${p.key} = ${p.value} 결과를 받았습니다`,
  backpressureOn: (p) => `${p.name}: 백프레셔 상태입니다. 출력 채널 하나가 가득 찼습니다`,
  backpressureOff: (p) => `${p.name}: 다시 크레딧이 생겼습니다`,
  subtaskFinished: (p) => `${p.name}: FINISHED (모든 입력에서 파티션이 끝났습니다)`,
  jobStatus: (p) => `잡 ${p.status}${p.reason ? `: ${p.reason}` : ''}`,
  checkpointTriggered: (p) => `JobManager가 ${p.savepoint ? '세이브포인트' : '체크포인트'} ${p.id} 작업을 시작합니다. 소스가 배리어 ${p.id} 표시를 넣을 것입니다`,
  skippedMinPause: (p) => `주기적 체크포인트를 건너뜁니다. 최소 간격 (min pause)이 아직 지나지 않았습니다 (${p.ms} ms 남음)`,
  skipped: (p) => `체크포인트를 시작하지 않았습니다: ${p.reason}`,
  barrierOvertaking: (p) => `${p.name}: 모든 출력 채널로 비정렬 배리어 ${p.id} 표시를 보냅니다. 배리어는 그곳에 대기 중인 레코드를 앞지릅니다`,
  barrierBehind: (p) => `${p.name}: 모든 출력 채널로 배리어 ${p.id} 표시를 대기 중인 레코드 뒤에 보냅니다 (forward 채널은 정렬 방식을 유지합니다)`,
  barrierSent: (p) => `${p.name}: 모든 출력 채널로 배리어 ${p.id} 표시를 보냅니다`,
  barrierTimedOut: (p) => `${p.name}: 레코드 뒤에 대기 중이던 배리어 ${p.id}의 시간이 지나 (aligned-checkpoint-timeout) 비정렬이 됩니다. 이제 그 레코드들을 앞지릅니다`,
  tracking: (p) => `${p.name}: 배리어 ${p.id} 추적 중. 입력 ${p.n}개 남음, 막힌 입력 없음 (최소 한 번 (at-least-once): 모든 입력을 계속 읽으므로 배리어 뒤의 레코드가 스냅샷에 들어가 복구 후 두 번 셀 수 있습니다)`,
  aligning: (p) => `${p.name}: 첫 배리어 ${p.id} 표시를 받았습니다. 정렬 중이며, 나머지 채널이 배리어를 전달할 때까지 이 채널은 막힙니다`,
  unalignedFirst: (p) => `${p.name}: 첫 배리어 ${p.id}를 받자마자 체크포인트를 시작합니다 (비정렬). 막힌 입력은 없으며, 다른 입력의 배리어보다 앞선 레코드는 채널 상태로 저장됩니다`,
  snapshotStarted: (p) => `${p.name}: 체크포인트 ${p.id}의 상태 스냅샷을 만듭니다${p.unaligned ? ' (비정렬: 전송 중 레코드도 저장)' : ''}. 동기 단계 ${p.syncMs} ms, 그다음 비동기 업로드`,
  acknowledged: (p) => `JobManager: ${p.name}에서 체크포인트 ${p.id} 확인을 받았습니다`,
  completed: (p) => `${p.savepoint ? '세이브포인트' : '체크포인트'} ${p.id} COMPLETED: 모든 서브태스크가 확인했습니다`,
  failed: (p) => `체크포인트 ${p.id} FAILED (${p.reason})`,
  declined: (p) => `${p.name}: 체크포인트 ${p.id} 거절 (${p.reason}). 하위로 취소 마커를 보냅니다`,
  committed: (p) => `${p.name}: 체크포인트 ${p.id}의 레코드 ${p.n}개를 커밋합니다`,
  taskFailed: (p) => `${p.name} FAILED (태스크 실패): ${p.cause}`,
  tasksCanceled: (p) => `장애 조치: 서브태스크 ${p.subtasks}개가 재시작합니다 (실패 ${p.failed}, 취소 ${p.canceled}). 그 채널에서 전송 중이던 레코드 ${p.lost}개는 사라지고, 진행 중인 체크포인트는 중단됩니다`,
  restored: (p) => `체크포인트 ${p.id}에서 서브태스크 ${p.subtasks}개를 복구했습니다. 키 그룹과 오프셋이 그 값으로 돌아갑니다${p.replayed ? `. 전송 중 레코드 ${p.replayed}개를 먼저 다시 재생합니다` : ''}. 소스는 복구된 오프셋부터 다시 읽습니다`,
  restartedEmpty: (p) => `완료된 체크포인트가 없어 서브태스크 ${p.subtasks}개를 빈 상태로 재시작했습니다. 소스는 시작 위치부터 읽습니다`,
  jobManagerLost: (p) => `JobManager 장애: 메모리에 있던 체크포인트 ${p.n}개를 잃었습니다`,
  jobManagerKept: () => 'JobManager 장애: 파일 시스템에 있는 체크포인트는 남아 있습니다',
  taskManagerLost: (p) => `TaskManager ${p.index} 유실: 그 위의 서브태스크 ${p.subtasks}개가 함께 실패합니다`,
  storageOutage: (p) => `${p.until} s까지 체크포인트 저장소에 연결할 수 없습니다. 업로드가 실패하고 체크포인트는 거절됩니다`,
  configurationChanged: (p) => `체크포인팅 설정이 바뀌었습니다 (${p.keys}). 진행 중인 체크포인트는 중단되고, 지금부터 배리어를 새 방식으로 다룹니다`,
  worldStopped: (p) => `전체 정지: 전송 중인 것이 더 없습니다. 모든 태스크가 체크포인트 ${p.id}의 스냅샷을 만듭니다`,
  worldResumed: (p) => `전체 정지: 체크포인트 ${p.id} 완료, 소스가 다시 읽기 시작합니다`,
  brokerAborted: (p) => `${p.name}: 체크포인트 ${p.id}의 트랜잭션을 커밋할 수 없습니다 (${p.txn}). transaction.timeout.ms (${p.timeout} s)보다 오래 열려 있어 브로커가 ${p.at} s에 중단(abort)했습니다. ProducerFencedException으로 레코드 ${p.n}개가 유실됩니다`,
};

const NARRATION: Record<NarrationLang, { [K in NarrationId]: (p: Parameters<Templates[K]>[0]) => string }> = { en: EN, ko: KO };

/** the ids of each language's sentences, for the test that none is missing */
export const NARRATION_IDS: Record<NarrationLang, string[]> = { en: Object.keys(EN), ko: Object.keys(KO) };

/**
 * Every sentence of `lang` with stand-in parameters, each branch taken: the characters the log can
 * show (the page fetches the font's pieces for them before it shows Korean).
 */
export function narrationSamples(lang: NarrationLang): string[] {
  const stand = (v: number) => new Proxy({}, { get: () => v });
  return Object.values(NARRATION[lang]).flatMap((say) => [1, 0].map((v) => (say as (p: unknown) => string)(stand(v))));
}

/** A narrated message in `lang`. */
export function sayNarration(msg: NarrationMsg, lang: NarrationLang): string {
  return (NARRATION[lang][msg.id] as (p: unknown) => string)(msg.p);
}

/** A log line in `lang`: its message said in that language, else (a line without one) its English text. */
export function narrationText(line: Pick<LogLine, 'text' | 'msg'>, lang: NarrationLang): string {
  return line.msg ? sayNarration(line.msg, lang) : line.text;
}

export function narrate(ev: TraceEvent, state: SimState): Omit<LogLine, 'id'> | null {
  const line = tell(ev, state);
  if (!line) return null;
  const ids = eventIdList(state.plan, ev);
  // a barrier sent on every output channel mentions them all
  if (ev.type === 'barrier-emitted') {
    const channels = stableIdsOf(state.plan).channels;
    for (const o of state.plan.subtasks[ev.subtask].outputs) for (const c of o.channels) ids.push(channels[c]);
  }
  return { ...line, ids };
}

/** The inputs of a subtask whose barrier `checkpointId` has not come, when its first one just did. */
function inputsToGo(state: SimState, subtask: number): number {
  const ps = state.plan.subtasks[subtask];
  const finished = state.subtasks[subtask].finishedInputs;
  return ps.inputChannels.filter((c) => !finished.includes(c)).length - 1;
}

type Told = { time: number; kind: LogLine['kind']; msg: NarrationMsg };

function told<K extends NarrationId>(time: number, kind: LogLine['kind'], id: K, p: Parameters<Templates[K]>[0]): Told {
  return { time, kind, msg: { id, p } as NarrationMsg };
}

function tell(ev: TraceEvent, state: SimState): Omit<LogLine, 'id' | 'ids'> | null {
  const said = say(ev, state);
  return said && { time: said.time, kind: said.kind, text: sayNarration(said.msg, 'en'), msg: said.msg };
}

function say(ev: TraceEvent, state: SimState): Told | null {
  const name = (subtask: number) => state.plan.subtasks[subtask].name;
  const t = ev.time;
  switch (ev.type) {
    case 'record-read':
      return told(t, 'record', 'recordRead', { name: name(ev.subtask), key: ev.key, offset: ev.offset, partition: ev.partition });
    case 'state-updated':
      return told(t, 'state', 'stateUpdated', { name: name(ev.subtask), state: ev.state, key: ev.key, keyGroup: ev.keyGroup, value: ev.value });
    case 'sink-received':
      return told(t, 'record', 'sinkReceived', { name: name(ev.subtask), key: ev.key, value: String(ev.value) });
    case 'backpressure':
      return told(t, 'flow', ev.on ? 'backpressureOn' : 'backpressureOff', { name: name(ev.subtask) });
    case 'subtask-finished':
      return told(t, 'job', 'subtaskFinished', { name: name(ev.subtask) });
    case 'job-status':
      return told(t, 'job', 'jobStatus', { status: ev.status, reason: ev.reason ?? '' });
    case 'checkpoint-triggered':
      return told(t, 'checkpoint', 'checkpointTriggered', { savepoint: Boolean(ev.savepoint), id: ev.checkpointId });
    case 'checkpoint-skipped':
      return ev.reason === 'min-pause' ? told(t, 'checkpoint', 'skippedMinPause', { ms: Math.round(ev.waitMs) }) : told(t, 'checkpoint', 'skipped', { reason: ev.reason });
    case 'barrier-emitted': {
      const outputs = state.plan.subtasks[ev.subtask].outputs;
      if (!outputs.length) return null; // a sink has nobody to send it to
      // forward and broadcast channels keep barriers in order even for unaligned checkpoints
      const overtaking = ev.unaligned && outputs.some((o) => partitionerCarriesUnalignedBarriers(state.scenario.edges[o.edge].partitioner));
      return told(t, 'checkpoint', overtaking ? 'barrierOvertaking' : ev.unaligned ? 'barrierBehind' : 'barrierSent', { name: name(ev.subtask), id: ev.checkpointId });
    }
    case 'barrier-timed-out':
      return told(t, 'checkpoint', 'barrierTimedOut', { name: name(ev.subtask), id: ev.checkpointId });
    case 'alignment-started':
      // with one input channel the first barrier is the last one: nothing to align
      if (state.plan.subtasks[ev.subtask].inputChannels.length <= 1) return null;
      if (barrierHandlingOf(state, ev.subtask) === 'at-least-once') {
        // Flink's barrier tracker only counts barriers: no channel waits for the others
        return told(t, 'checkpoint', 'tracking', { name: name(ev.subtask), id: ev.checkpointId, n: inputsToGo(state, ev.subtask) });
      }
      // unaligned without an aligned-checkpoint timeout: the first barrier triggers, no channel waits
      if (barrierHandlingOf(state, ev.subtask) === 'unaligned' && checkpointSettingsOf(state).alignedTimeoutMs <= 0) {
        return told(t, 'checkpoint', 'unalignedFirst', { name: name(ev.subtask), id: ev.checkpointId });
      }
      return told(t, 'checkpoint', 'aligning', { name: name(ev.subtask), id: ev.checkpointId });
    case 'snapshot-started':
      return told(t, 'checkpoint', 'snapshotStarted', { name: name(ev.subtask), id: ev.checkpointId, unaligned: Boolean(ev.unaligned), syncMs: Math.round(ev.syncMs) });
    case 'checkpoint-acknowledged':
      return told(t, 'checkpoint', 'acknowledged', { name: name(ev.subtask), id: ev.checkpointId });
    case 'checkpoint-completed':
      return told(t, 'checkpoint', 'completed', { savepoint: Boolean(ev.savepoint), id: ev.checkpointId });
    case 'checkpoint-failed':
      return told(t, 'job', 'failed', { id: ev.checkpointId, reason: ev.reason });
    case 'checkpoint-declined':
      return told(t, 'checkpoint', 'declined', { name: name(ev.subtask), id: ev.checkpointId, reason: ev.reason });
    case 'checkpoint-notified':
      return ev.committed > 0 ? told(t, 'checkpoint', 'committed', { name: name(ev.subtask), id: ev.checkpointId, n: ev.committed }) : null;
    case 'task-failed':
      return told(t, 'job', 'taskFailed', { name: name(ev.subtask), cause: ev.cause });
    case 'tasks-canceled':
      return told(t, 'job', 'tasksCanceled', { subtasks: ev.subtasks, failed: ev.subtasks - ev.canceled, canceled: ev.canceled, lost: ev.recordsLost });
    case 'job-restored':
      return ev.checkpointId
        ? told(t, 'job', 'restored', { subtasks: ev.subtasks, id: ev.checkpointId, replayed: ev.replayed ?? 0 })
        : told(t, 'job', 'restartedEmpty', { subtasks: ev.subtasks });
    case 'jobmanager-failed':
      return ev.checkpointsLost ? told(t, 'job', 'jobManagerLost', { n: ev.checkpointsLost }) : told(t, 'job', 'jobManagerKept', {});
    case 'taskmanager-lost':
      return told(t, 'job', 'taskManagerLost', { index: ev.index, subtasks: ev.subtasks });
    case 'storage-outage':
      return told(t, 'job', 'storageOutage', { until: (ev.untilMs / 1000).toFixed(1) });
    case 'configuration-changed':
      return told(t, 'checkpoint', 'configurationChanged', { keys: String(ev.keys) });
    case 'world-stopped':
      return told(t, 'checkpoint', 'worldStopped', { id: ev.checkpointId });
    case 'world-resumed':
      return told(t, 'checkpoint', 'worldResumed', { id: ev.checkpointId });
    case 'transaction-aborted-by-broker':
      return told(t, 'job', 'brokerAborted', { name: name(ev.subtask), txn: ev.txn, id: ev.checkpointId, n: ev.records, at: (ev.abortedAt / 1000).toFixed(1), timeout: String(ev.timeoutMs / 1000) });
    default:
      return null;
  }
}
