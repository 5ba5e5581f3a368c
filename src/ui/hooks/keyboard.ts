// Keyboard shortcuts: space plays or pauses, right arrow steps. Typing in a field is left alone.

export type ShortcutAction = 'toggle-play' | 'step' | null;

export function shortcutFor(key: string, target: { tagName?: string; isContentEditable?: boolean } | null): ShortcutAction {
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || target?.isContentEditable) return null;
  if (key === ' ' || key === 'Spacebar') return 'toggle-play';
  if (key === 'ArrowRight') return 'step';
  return null;
}
