import { useState } from 'react';
import { useRunReader } from '../../store/react';
import { useT } from '../../i18n/useT';
import { downloadHref } from '../download';

// "Export as Flink job": the scenario in force (built in, from a file, or with the settings changed
// since) as a zipped Maven project for a real Flink cluster. The exporter and the zip library load
// only when pressed, so they stay out of the page's first JavaScript.

/** The project's folder and the zip's name: the exporter's artifact id, `checkpoint-lab-<scenario id>`. */
export function projectName(scenarioId: string): string {
  const safe = scenarioId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80);
  return `checkpoint-lab-${safe || 'scenario'}`;
}

function download(bytes: Uint8Array, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/zip' }));
  downloadHref(url, fileName);
  // the browser has taken the file once the click is handled
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportJobButton() {
  const read = useRunReader();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const t = useT();
  const exportJob = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const run = read();
      // the job as it runs at the moment shown: an upgrade's changes (uids, operators) are exported with it
      const scenario = run.sim.state.scenario;
      // the settings in force at the moment shown: the scenario's, the link's, and any applied since
      const conf = { ...run.sim.state.config.raw };
      const { flinkProject, zipProject } = await import('../../export');
      const name = projectName(scenario.id);
      download(zipProject(flinkProject(scenario, { seed: run.seed, conf }), name), `${name}.zip`);
    } catch (e) {
      setFailed((e as Error).message.slice(0, 500));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void exportJob()} disabled={busy} title={t('transfer.exportTitle')} data-testid="export-flink-job">
        {busy ? t('transfer.exporting') : t('transfer.export')}
      </button>
      {failed && <span className="failure" role="alert">{t('transfer.exportFailed', { why: failed })}</span>}
    </>
  );
}
