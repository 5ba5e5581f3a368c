import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The side panels as a drawer (presenter mode): closed, they are inert, so neither Tab nor a screen
 * reader lands behind the graph; opened, focus goes into them; Escape closes them and focus goes
 * back to the button that opened them.
 */
export function useDrawer(active: boolean) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!active) setOpen(false);
  }, [active]);
  useEffect(() => {
    if (!active) return;
    if (open) panel.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button, [tabindex="0"]')?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open, active]);
  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
  }, []);
  return {
    open: active && open,
    toggle: useCallback(() => setOpen((o) => !o), []),
    close: useCallback(() => setOpen(false), []),
    opener,
    panelProps: {
      ref: panel,
      id: 'side-panels',
      inert: active && !open,
      onKeyDown: active ? onKeyDown : undefined,
      'data-drawer': active ? (open ? 'open' : 'closed') : undefined,
    },
  };
}

export type Drawer = ReturnType<typeof useDrawer>;
