import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readFlinkRestDocuments, type ImportedJob } from './importedDocuments';

// A real job's checkpoint statistics, imported beside the simulated run: read-only, apart from any
// run (the runs and their replay never see it). The Checkpoints panel shows it while `showing`.

export interface ImportedJobState {
  job: ImportedJob | null;
  showing: boolean;
  /** reads the documents; on success shows them, otherwise keeps what was there and says what is wrong */
  open(inputs: readonly { name: string; text: string }[]): { ok: true } | { ok: false; problem: string };
  /** switches the Checkpoints panel between the imported job (true) and the simulated run */
  show(on: boolean): void;
  /** forgets the imported job */
  close(): void;
}

export function createImportedJobStore(): StoreApi<ImportedJobState> {
  return createStore<ImportedJobState>((set) => ({
    job: null,
    showing: false,
    open(inputs) {
      const read = readFlinkRestDocuments(inputs);
      if ('problem' in read) return { ok: false, problem: read.problem };
      set({ job: read.job, showing: true });
      return { ok: true };
    },
    show: (on) => set((s) => ({ showing: on && s.job !== null })),
    close: () => set({ job: null, showing: false }),
  }));
}

/** The page's one imported job. */
export const importedJobStore = createImportedJobStore();

export function useImportedJob<T>(selector: (s: ImportedJobState) => T): T {
  return useStore(importedJobStore, selector);
}
