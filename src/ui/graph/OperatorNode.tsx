import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type OperatorNodeType = Node<{ name: string; parallelism: number; detail: string }, 'operator'>;

function OperatorNodeImpl({ data }: NodeProps<OperatorNodeType>) {
  return (
    <div className="operator" aria-label={`${data.name}, parallelism ${data.parallelism}`}>
      <div className="operator-title">
        <span>{data.name}</span>
        <span className="muted">p={data.parallelism}{data.detail && ` · ${data.detail}`}</span>
      </div>
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeImpl);
