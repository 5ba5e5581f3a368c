// Keyboard shortcuts (CONTRACTS.md section 6): space plays or pauses, → steps, ← steps back;
// PageDown / PageUp (a presenter's clicker) go to the next / previous moment that matters; b or .
// blanks the screen; Home resets the run; f full screen; + - zoom the graph and 0 fits it; ? lists
// the keys; p presenter mode, l the legend. Typing in a field is left alone.

export type ShortcutAction =
  | 'toggle-play' | 'step' | 'step-back' | 'next-moment' | 'previous-moment' | 'blank' | 'reset'
  | 'fullscreen' | 'zoom-in' | 'zoom-out' | 'zoom-fit' | 'help' | 'presenter' | 'legend' | null;

const KEYS: Record<string, Exclude<ShortcutAction, null>> = {
  ' ': 'toggle-play',
  Spacebar: 'toggle-play',
  ArrowRight: 'step',
  ArrowLeft: 'step-back',
  PageDown: 'next-moment',
  PageUp: 'previous-moment',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  Home: 'reset',
  f: 'fullscreen',
  F: 'fullscreen',
  '+': 'zoom-in',
  '=': 'zoom-in',
  '-': 'zoom-out',
  '0': 'zoom-fit',
  '?': 'help',
  p: 'presenter',
  P: 'presenter',
  l: 'legend',
  L: 'legend',
};

/** The keys the help overlay lists, in its order, with the id of their description. */
export const KEY_HELP = [
  { keys: ['Space'], what: 'keys.space' },
  { keys: ['→'], what: 'keys.right' },
  { keys: ['←'], what: 'keys.left' },
  { keys: ['PageDown'], what: 'keys.pageDown' },
  { keys: ['PageUp'], what: 'keys.pageUp' },
  { keys: ['b', '.'], what: 'keys.blank' },
  { keys: ['Home'], what: 'keys.home' },
  { keys: ['f'], what: 'keys.fullscreen' },
  { keys: ['+'], what: 'keys.zoomIn' },
  { keys: ['-'], what: 'keys.zoomOut' },
  { keys: ['0'], what: 'keys.fit' },
  { keys: ['p'], what: 'presenter.keyP' },
  { keys: ['l'], what: 'presenter.keyL' },
  { keys: ['?'], what: 'keys.help' },
] as const;

export function shortcutFor(key: string, target: { tagName?: string; isContentEditable?: boolean } | null): ShortcutAction {
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || target?.isContentEditable) return null;
  return Object.hasOwn(KEYS, key) ? KEYS[key] : null;
}
