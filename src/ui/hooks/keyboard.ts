// Keyboard shortcuts: space plays or pauses, right arrow steps, left arrow steps back. Typing in a field is left alone.

export type ShortcutAction = 'toggle-play' | 'step' | 'step-back' | null;

export function shortcutFor(key: string, target: { tagName?: string; isContentEditable?: boolean } | null): ShortcutAction {
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || target?.isContentEditable) return null;
  if (key === ' ' || key === 'Spacebar') return 'toggle-play';
  if (key === 'ArrowRight') return 'step';
  if (key === 'ArrowLeft') return 'step-back';
  return null;
}
