import type { Simulation } from '../sim/simulation';
import type { CompletedCheckpoint } from '../checkpoint/types';
import { registerRestoredFiles } from '../checkpoint/sharedState';
import { Conf } from '../config/conf';

// `execution.state-recovery.claim-mode` (`--claim-mode`), Flink 2.x: NO_CLAIM (the default) or
// CLAIM (LEGACY is deprecated by FLIP-416 and not offered). NO_CLAIM: the restored snapshot stays the user's, Flink never
// deletes its files, and the first checkpoint after the restore is a full one (it uploads the
// state anew instead of referencing the user's files). CLAIM: Flink owns the snapshot and deletes
// its files once no retained checkpoint uses them.

export type ClaimMode = 'NO_CLAIM' | 'CLAIM';
export const CLAIM_MODES: readonly ClaimMode[] = ['NO_CLAIM', 'CLAIM'];
export const CLAIM_MODE_KEY = 'execution.state-recovery.claim-mode';

/** The claim mode the run's configuration asks for. */
export function configuredClaimMode(raw: Simulation['state']['config']['raw']): ClaimMode {
  return new Conf(raw).text(CLAIM_MODE_KEY) === 'CLAIM' ? 'CLAIM' : 'NO_CLAIM';
}

/**
 * `sim` was just restored from `restored`: register the snapshot's shared files with their owner
 * and, under NO_CLAIM, give the live files the job's own names so the first checkpoint uploads
 * them in full. `createdBy`: the checkpoint that first uploaded a file, as the old registry knew it.
 */
export function applyClaimMode(sim: Simulation, restored: CompletedCheckpoint, mode: ClaimMode, createdBy: (name: string) => number | undefined = () => undefined): void {
  const state = sim.state;
  registerRestoredFiles(state.coordinator, restored, createdBy, mode === 'CLAIM');
  if (mode === 'CLAIM') return;
  for (const st of state.subtasks) {
    if (!st.rocks) continue;
    st.rocks.files = st.rocks.files.map((f) => ({ ...f, name: ownCopyName(f.name, state.job.generation) }));
    st.rocks.confirmed = [];
  }
}

/** The job's own upload of a restored file: same content, another file of the job's shared directory. */
function ownCopyName(name: string, generation: number): string {
  return `${name.replace(/\.sst$/, '')}.g${generation}.sst`;
}
