import { checkpointColour } from '../graph/keyColours';

// Small pictures of the graph's marks, drawn the way the graph draws them, for the legend.

const box = { width: 40, height: 32, viewBox: '-20 -16 40 32', 'aria-hidden': true } as const;

export type GlyphKind =
  | 'record' | 'persisted' | 'aligned' | 'unaligned' | 'cancel' | 'trigger' | 'ack' | 'notify' | 'upload'
  | 'blocked' | 'full' | 'backpressured' | 'slow' | 'snapshot';

/** An aligned barrier is a bar; an unaligned one a chevron pointing downstream (it overtakes). */
export function barrierPoints(unaligned: boolean): string {
  return unaligned ? '-5,-13 2,-13 7,0 2,13 -5,13 0,0' : '-3,-13 3,-13 3,13 -3,13';
}

export function Glyph({ kind, colour = '#0072B2' }: { kind: GlyphKind; colour?: string }) {
  const cp = checkpointColour(1);
  switch (kind) {
    case 'record':
      return <svg {...box}><circle cx={-7} cy={0} r={4.5} fill={colour} /><rect x={4} y={-4} width={8} height={8} fill={colour} /></svg>;
    case 'persisted':
      return <svg {...box}><circle r={4.5} fill={colour} /><rect x={-6.5} y={-6.5} width={13} height={13} fill="none" stroke="#111827" strokeWidth={2} /></svg>;
    case 'aligned':
    case 'unaligned':
      return <svg {...box}><polygon points={barrierPoints(kind === 'unaligned')} fill={cp} /></svg>;
    case 'cancel':
      return <svg {...box}><text textAnchor="middle" y={5} fill={cp} fontWeight={700} fontSize={14}>✕1</text></svg>;
    case 'trigger':
    case 'notify':
      return <svg {...box}><path d="M0 -7 L7 0 L0 7 L-7 0 Z" fill={kind === 'trigger' ? cp : '#1b7f3a'} /></svg>;
    case 'ack':
      return <svg {...box}><text textAnchor="middle" y={6} fill={cp} fontWeight={700} fontSize={16}>✓</text></svg>;
    case 'upload':
      return <svg {...box}><rect x={-5} y={-7} width={10} height={14} fill="#fff" stroke={cp} strokeWidth={1.5} /></svg>;
    case 'blocked':
      return (
        <svg {...box}>
          <path d="M-18 6 H10" stroke="var(--c-align)" strokeWidth={1.5} strokeDasharray="6 4" />
          <g transform="translate(4,-10)"><rect y={6} width={12} height={9} rx={1.5} fill="var(--c-align)" /><path d="M2.5 6 V3.5 a3.5 3.5 0 0 1 7 0 V6" fill="none" stroke="var(--c-align)" strokeWidth={1.8} /></g>
        </svg>
      );
    case 'full':
      return <svg {...box}><path d="M-18 -6 H18" stroke="var(--c-fill)" strokeWidth={3} /><path d="M-18 6 H18" stroke="var(--c-warn)" strokeWidth={5} /></svg>;
    case 'backpressured':
      return <svg {...box}><rect x={-16} y={-11} width={32} height={22} rx={4} fill="var(--c-warn-bg)" stroke="var(--c-warn)" strokeWidth={1.5} /><rect x={-16} y={-11} width={5} height={22} fill="var(--c-warn)" /></svg>;
    case 'slow':
      return <svg {...box}><text textAnchor="middle" y={5} fill="var(--c-danger)" fontWeight={700} fontSize={14}>10×</text></svg>;
    case 'snapshot':
      return <svg {...box}><rect x={-16} y={-11} width={32} height={22} rx={4} fill="var(--c-snap-bg)" stroke="var(--c-snap)" strokeWidth={1.5} /></svg>;
  }
}
