import { en, type MessageId } from './en';
import type { Lang, Params } from './format';
import { translate } from './translate';

// The store writes its notices, progress labels and timeline marks in English (src/store and the
// engine know no languages). The page translates them when it shows them: each English message
// below is turned into a pattern, and a text that matches is shown in the page's language with the
// same parameters. What the parameters carry from the engine (an error's own words, a config key)
// stays English inside the Korean sentence. A text no pattern matches is shown as it is, in English.
// i18n.test.ts produces the store's real notices and checks that each one is matched, so a change
// of the store's wording shows up there.

/** in the order tried: a general pattern ("{why}. Ignored.") after the specific ones */
const TRANSLATED: MessageId[] = [
  'busy.checking', 'busy.seeking', 'busy.replaying', 'busy.comparing',
  'mark.checkpointTriggered', 'mark.savepointTriggered', 'mark.completed', 'mark.failed', 'mark.restored',
  'fault.jmFailed', 'fault.tmLost', 'fault.storageDown', 'fault.channelBroke', 'fault.slower', 'fault.taskKilled',
  'lang.invalid',
  'notice.pastEnd', 'notice.nothingLeft', 'notice.noMomentLeft', 'notice.noMomentSoon', 'notice.commandFailed', 'notice.pastChanged', 'compare.noticeBranchedA', 'notice.branched', 'notice.loadFailed',
  'compare.noticeBranchedB', 'compare.noticeBranchStops', 'compare.noticeOneRun', 'compare.noticeCannot', 'compare.noticeLinkBranches',
  'compare.noticeLinkBranchesB', 'compare.noticeBranchesParam', 'compare.noticeSameScenario', 'compare.noticeBRun', 'compare.noticeUnknownKey', 'compare.busyBoth',
  'notice.newRunSettings', 'notice.settingsFailed', 'notice.restoreFailed', 'notice.startFailed',
  'notice.linkRunFailed', 'notice.linkRunStops', 'notice.linkScenario', 'notice.spec', 'notice.noScenario',
  'notice.seed', 'notice.linkRun', 'notice.tPast', 'notice.tBad', 'notice.openFailed',
  'notice.workStopped', 'notice.confIgnored',
];

/** parameters with a known shape, so that two of them side by side split where they should */
const SHAPES: Record<string, string> = {
  t: '-?\\d[\\d.]* s',
  id: '"(?:[^"\\\\]|\\\\.)*"|#?\\d+|[\\w.-]+',
  index: '\\d+',
  channel: '\\d+',
  s: '\\d+',
  factor: '[\\d.]+',
};

interface Pattern { id: MessageId; re: RegExp; names: string[] }

function patternOf(id: MessageId): Pattern {
  const names: string[] = [];
  const source = en[id].split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(m[1]);
    return `(${SHAPES[m[1]] ?? '[\\s\\S]*?'})`;
  }).join('');
  return { id, re: new RegExp(`^${source}$`), names };
}

let patterns: Pattern[] | null = null;

/** The message an English text of the store is, with its parameters; null when none matches. */
export function matchEnglish(text: string): { id: MessageId; params: Params } | null {
  patterns ??= TRANSLATED.map(patternOf);
  for (const p of patterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    const params: Params = {};
    p.names.forEach((name, i) => { params[name] = m[i + 1]; });
    return { id: p.id, params };
  }
  return null;
}

const NEW_JOB = /^New job started from (\S+) with parallelism (.*?)(?:; (\d+) in-flight records of its channel state are replayed first \(a channel may hold more than its credits while they drain\))?$/;

const caches: Record<Lang, Map<string, string>> = { en: new Map(), ko: new Map() };

/** An English text from the store (a notice, a progress label, a timeline mark, a log line) in `lang`. */
export function translateStoreText(lang: Lang, text: string): string {
  if (lang === 'en') return text;
  const cache = caches[lang];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let out = text;
  const job = NEW_JOB.exec(text);
  if (job) {
    out = translate(lang, 'log.newJob', { id: job[1], list: job[2] }) + (job[3] ? translate(lang, 'log.newJobReplay', { n: Number(job[3]) }) : '');
  } else {
    const m = matchEnglish(text);
    if (m) {
      // a failed piece of work names itself with its (English) progress label
      if (m.id === 'notice.workStopped') m.params.label = translateStoreText(lang, String(m.params.label));
      out = translate(lang, m.id, m.params);
    }
  }
  if (cache.size > 2000) cache.clear();
  cache.set(text, out);
  return out;
}
