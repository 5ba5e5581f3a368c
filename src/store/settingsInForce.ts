import type { RecordedCommand } from '../engine';

/**
 * The user's settings in force at `at`: the last settings change (a `set-config` command, which
 * carries the whole configuration the user set) at or before `at`, else those the run started with.
 * The run's `conf` stays what it started with, so a link (conf + commands) replays the same run.
 */
export function settingsInForce(run: { conf: Record<string, string>; commands: readonly RecordedCommand[] }, at: number): Record<string, string> {
  let conf = run.conf;
  for (const c of run.commands) if (c.at <= at && c.command.kind === 'set-config') conf = c.command.conf;
  return conf;
}
