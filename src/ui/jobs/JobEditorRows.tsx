import { useState } from 'react';
import type { OperatorSpec, ScenarioSpec } from '../../engine';
import { useT } from '../../i18n/useT';
import {
  INSERTABLE, insertAfter, movable, moveOperator, parseParallelism, PARTITIONERS, removable, removeOperator, setParallelism,
  setPartitioner, setSinkKind, setStateKind, setUid, SINK_KINDS, STATE_KINDS, stateKindOf, type InsertKind, type SinkKindChoice,
  type StateKindChoice,
} from './draftEdits';

// One operator of the draft job, its controls labelled by the operator's name; and the form that
// inserts an operator. Every control calls one pure edit of draftEdits.ts; the engine checks the result.

const MAX_PARALLELISM_INPUT = 256;

interface RowProps {
  spec: ScenarioSpec;
  o: OperatorSpec;
  edit: (next: ScenarioSpec, focus?: string) => void;
  /** sim.sink.kind of the settings, which decides every sink's kind */
  sinkOverride: string | undefined;
}

export function OperatorRow({ spec, o, edit, sinkOverride }: RowProps) {
  const t = useT();
  const [typed, setTyped] = useState<string | null>(null);
  const names = new Map(spec.operators.map((x) => [x.id, x.name]));
  const stateKind = stateKindOf(o);
  const inputs = spec.edges.filter((e) => e.to === o.id);
  const bad = typed !== null && parseParallelism(typed, MAX_PARALLELISM_INPUT) === null;
  return (
    <li className="editor-op" data-testid={`editor-op-${o.id}`}>
      <div className="editor-op-head">
        <strong>{o.name}</strong> <code>{o.kind}</code>
        <span className="editor-op-tools">
          {(['up', 'down'] as const).map((dir) => (
            <button key={dir} type="button" data-move={`${o.id}-${dir}`} disabled={!movable(spec, o.id, dir)}
              aria-label={t(dir === 'up' ? 'jobs.editor.moveUp' : 'jobs.editor.moveDown', { name: o.name })}
              title={t(dir === 'up' ? 'jobs.editor.moveUp' : 'jobs.editor.moveDown', { name: o.name })}
              onClick={() => edit(moveOperator(spec, o.id, dir), `${o.id}-${dir}`)}>{dir === 'up' ? '↑' : '↓'}</button>
          ))}
          {removable(spec, o.id) && <button type="button" aria-label={t('jobs.editor.removeOf', { name: o.name })} onClick={() => edit(removeOperator(spec, o.id))}>{t('jobs.editor.remove')}</button>}
        </span>
      </div>
      <div className="editor-op-fields">
        <label>{t('jobs.editor.parallelism')}
          <input type="text" inputMode="numeric" className="editor-num" aria-label={t('jobs.editor.parallelismOf', { name: o.name })} aria-invalid={bad}
            value={typed ?? String(o.parallelism ?? '')} placeholder="1"
            onChange={(e) => {
              const n = parseParallelism(e.target.value, MAX_PARALLELISM_INPUT);
              setTyped(n === null ? e.target.value : null);
              if (n !== null) edit(setParallelism(spec, o.id, n));
            }}
            onBlur={() => setTyped(null)} />
        </label>
        <label>{t('jobs.editor.uid')}
          <input type="text" maxLength={200} className="editor-uid" aria-label={t('jobs.editor.uidOf', { name: o.name })}
            value={o.uid ?? ''} placeholder={t('jobs.editor.noUid')} onChange={(e) => edit(setUid(spec, o.id, e.target.value))} />
        </label>
        {inputs.map((e) => (
          <label key={`${e.from}-${e.input ?? 0}`}>{t('jobs.editor.input', { from: names.get(e.from) ?? e.from })}
            <select aria-label={t('jobs.editor.inputOf', { from: names.get(e.from) ?? e.from, name: o.name })} value={e.partitioner}
              onChange={(ev) => edit(setPartitioner(spec, e.from, o.id, ev.target.value as (typeof PARTITIONERS)[number]))}>
              {PARTITIONERS.map((p) => <option key={p} value={p}>{t(`jobs.editor.partitioner.${p}`)}</option>)}
            </select>
          </label>
        ))}
        {stateKind && (
          <label>{t('jobs.editor.stateKind')}
            <select aria-label={t('jobs.editor.stateKindOf', { name: o.name })} value={stateKind}
              onChange={(ev) => edit(setStateKind(spec, o.id, ev.target.value as StateKindChoice))}>
              {STATE_KINDS.map((k) => <option key={k} value={k}>{t(`jobs.editor.state.${k}`)}</option>)}
            </select>
          </label>
        )}
        {o.kind === 'sink' && (
          <label>{t('jobs.editor.sinkKind')}
            <select aria-label={t('jobs.editor.sinkKindOf', { name: o.name })} value={o.sinkKind ?? 'plain'} disabled={sinkOverride !== undefined}
              onChange={(ev) => edit(setSinkKind(spec, o.id, ev.target.value as SinkKindChoice))}>
              {SINK_KINDS.map((k) => <option key={k} value={k}>{t(`jobs.editor.sink.${k}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      {bad && <p className="editor-problem" role="alert">{t('jobs.editor.badParallelism', { name: o.name, text: typed ?? '', max: String(MAX_PARALLELISM_INPUT) })}</p>}
      {o.kind === 'sink' && sinkOverride !== undefined && <p className="panel-note">{t('jobs.editor.sinkOverridden', { value: sinkOverride })}</p>}
    </li>
  );
}

export function InsertForm({ spec, edit }: { spec: ScenarioSpec; edit: (next: ScenarioSpec) => void }) {
  const t = useT();
  const [kind, setKind] = useState<InsertKind>('map');
  const candidates = spec.operators.filter((o) => o.kind !== 'sink');
  const [after, setAfter] = useState<string>('');
  const where = candidates.some((o) => o.id === after) ? after : (candidates[0]?.id ?? '');
  return (
    <fieldset className="restore-form editor-insert">
      <legend>{t('jobs.editor.insertHeading')}</legend>
      <label>{t('jobs.editor.insertKind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as InsertKind)}>
          {INSERTABLE.map((k) => <option key={k} value={k}>{t(`jobs.editor.kind.${k}`)}</option>)}
        </select>
      </label>
      <label>{t('jobs.editor.insertWhere')}
        <select value={where} onChange={(e) => setAfter(e.target.value)}>
          {candidates.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </label>
      <button type="button" data-testid="editor-insert" disabled={!where} onClick={() => edit(insertAfter(spec, where, kind))}>{t('jobs.editor.insertButton')}</button>
    </fieldset>
  );
}
