import { sourceKeysOf } from '../graph/keyColours';
import { keyColour } from '../graph/keyColours';
import { useRun } from '../../store/react';
import { useT } from '../../i18n/useT';
import type { MessageId } from '../../i18n/translate';
import { Glyph, type GlyphKind } from './Glyphs';
import { useModalFocus } from '../hooks/useModalFocus';

// The legend (key l, or the Legend button): every mark of the graph with its name.

const GROUPS: { title: MessageId; rows: { kind: GlyphKind; what: MessageId }[] }[] = [
  { title: 'presenter.legendGroupRecords', rows: [{ kind: 'record', what: 'presenter.legendRecord' }, { kind: 'persisted', what: 'presenter.legendPersisted' }] },
  { title: 'presenter.legendGroupBarriers', rows: [{ kind: 'aligned', what: 'presenter.legendAligned' }, { kind: 'unaligned', what: 'presenter.legendUnaligned' }, { kind: 'cancel', what: 'presenter.legendCancel' }] },
  { title: 'presenter.legendGroupMessages', rows: [{ kind: 'trigger', what: 'presenter.legendTrigger' }, { kind: 'ack', what: 'presenter.legendAck' }, { kind: 'notify', what: 'presenter.legendNotify' }, { kind: 'upload', what: 'presenter.legendUpload' }] },
  { title: 'presenter.legendGroupChannels', rows: [{ kind: 'blocked', what: 'presenter.legendBlocked' }, { kind: 'full', what: 'presenter.legendFull' }, { kind: 'backpressured', what: 'presenter.legendBackpressured' }, { kind: 'slow', what: 'presenter.legendSlow' }, { kind: 'snapshot', what: 'presenter.legendSnapshot' }] },
];

/** at most this many keys are listed by name */
const LISTED_KEYS = 12;

export function Legend({ close }: { close: () => void }) {
  const t = useT();
  const plan = useRun((r) => r.sim.state.plan);
  const keys = sourceKeysOf(plan).slice(0, LISTED_KEYS);
  const dialog = useModalFocus<HTMLDivElement>();
  return (
    <div className="key-help-backdrop" onClick={close}>
      <div ref={dialog} className="key-help legend" role="dialog" aria-modal="true" aria-labelledby="legend-title" data-testid="legend" onClick={(e) => e.stopPropagation()}>
        <h2 id="legend-title">{t('presenter.legendTitleText')}</h2>
        <p>{t('presenter.legendIntro')}</p>
        <h3>{t('presenter.legendRecords')}</h3>
        <ul className="legend-keys" data-testid="legend-keys">
          {keys.map((k) => (
            <li key={k}><span className="swatch" style={{ background: keyColour(k, plan) }} aria-hidden="true" />{k}</li>
          ))}
        </ul>
        <p className="hint">{t('presenter.legendRecordsMore')}</p>
        {GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{t(g.title)}</h3>
            <ul className="legend-rows">
              {g.rows.map((r) => (
                <li key={r.kind} data-glyph={r.kind}><Glyph kind={r.kind} colour={keys[0] ? keyColour(keys[0], plan) : undefined} /><span>{t(r.what)}</span></li>
              ))}
            </ul>
          </section>
        ))}
        <button type="button" onClick={close} autoFocus data-testid="legend-close">{t('presenter.legendClose')}</button>
      </div>
    </div>
  );
}
