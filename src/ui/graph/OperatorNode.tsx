import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useHighlighted } from './useRunView';

export type OperatorNodeType = Node<{ id: string; name: string; parallelism: number; detail: string }, 'operator'>;

function OperatorNodeImpl({ data }: NodeProps<OperatorNodeType>) {
  const highlighted = useHighlighted(data.id);
  return (
    <div className={`operator${highlighted ? ' highlighted' : ''}`} data-id={data.id} aria-label={`${data.name}, parallelism ${data.parallelism}`}>
      <div className="operator-title">
        <span>{data.name}</span>
        <span className="muted">p={data.parallelism}{data.detail && ` · ${data.detail}`}</span>
      </div>
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeImpl);
