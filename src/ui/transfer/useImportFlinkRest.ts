import { useAppStore, useViewActions } from '../../store/react';

// The REST documents' reader and Flink's REST schema (zod, built when loaded) are a chunk of their
// own, fetched when files are opened: the first screen does not need them.
const loadReader = () => Promise.all([import('../../store/importedDocuments'), import('../../store/importedJob')]);

/**
 * Opens files of Flink REST documents (one, or several at once) as the imported job, in the
 * Checkpoints panel. A wrong document is refused in the page's notice (what is wrong, by file and
 * path) and nothing changes. A single file that is no REST document is left to the caller
 * ('not-rest': a scenario or lesson file).
 */
export function useImportFlinkRest(): (files: readonly File[]) => Promise<'imported' | 'refused' | 'not-rest'> {
  const notify = useAppStore((s) => s.notify);
  const { setTab } = useViewActions();
  return async (files) => {
    if (!files.length) return 'not-rest';
    const names = files.slice(0, 3).map((f) => f.name).join(', ') + (files.length > 3 ? ', …' : '');
    // the sentence of a refused scenario file, so it reads (and is translated) the same way
    const refuse = (why: string) => {
      notify(`Could not open ${names}: ${why}. The current run is kept.`);
      return 'refused' as const;
    };
    let reader: Awaited<ReturnType<typeof loadReader>>;
    try {
      reader = await loadReader();
    } catch (e) {
      return refuse((e as Error).message);
    }
    const [{ IMPORT_LIMITS, looksLikeFlinkRest }, { importedJobStore }] = reader;
    // UTF-8 takes at most 4 bytes a character: a file larger than this cannot be within the limit
    const MAX_BYTES = IMPORT_LIMITS.chars * 4;
    if (files.length === 1 && files[0].size > MAX_BYTES) return 'not-rest';
    if (files.reduce((n, f) => n + f.size, 0) > MAX_BYTES) return refuse(`at most ${(IMPORT_LIMITS.chars / 1e6).toLocaleString('en-US')} million characters at once`);
    if (files.length > IMPORT_LIMITS.documents) return refuse(`at most ${IMPORT_LIMITS.documents.toLocaleString('en-US')} files at once`);
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    if (read.length === 1 && !looksLikeFlinkRest(read[0].text)) return 'not-rest';
    const result = importedJobStore.getState().open(read);
    if (!result.ok) return refuse(result.problem);
    setTab('checkpoints');
    return 'imported';
  };
}
