import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useHighlighted } from './useRunView';
import { useT } from '../../i18n/useT';

export type OperatorNodeType = Node<{ id: string; name: string; parallelism: number; detail: string }, 'operator'>;

function OperatorNodeImpl({ data }: NodeProps<OperatorNodeType>) {
  const highlighted = useHighlighted(data.id);
  const t = useT();
  return (
    <div className={`operator${highlighted ? ' highlighted' : ''}`} data-id={data.id} aria-label={t('graph.operator', { name: data.name, p: data.parallelism })}>
      <div className="operator-title">
        <span>{data.name}</span>
        <span className="muted">p={data.parallelism}{data.detail && ` · ${data.detail}`}</span>
      </div>
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeImpl);
