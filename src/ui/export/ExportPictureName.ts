// The file name of an exported picture: what it shows and when, safe on every file system.

export function pictureName(scenarioId: string, simTimeMs: number, ext: 'png' | 'svg'): string {
  const safe = scenarioId.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'scenario';
  const seconds = (Math.max(0, simTimeMs) / 1000).toFixed(3).replace('.', '_');
  return `checkpoint-lab-${safe}-t${seconds}s.${ext}`;
}
