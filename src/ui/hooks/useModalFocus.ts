import { useEffect, useRef, useState } from 'react';

// What aria-modal promises: while a dialog is open, Tab and Shift+Tab go round the dialog's own
// controls and never reach the page behind it; once it closes, focus goes back where it was.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the returned ref's element while it is mounted. */
export function useModalFocus<T extends HTMLElement>() {
  const dialog = useRef<T>(null);
  // where focus was before the dialog opened: read at its first render, since its Close button's
  // autoFocus has taken focus by the time any effect runs
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const box = dialog.current;
      if (e.key !== 'Tab' || !box) return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      e.preventDefault();
      if (items.length === 0) return;
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at < 0 ? (e.shiftKey ? items.length - 1 : 0) : (at + (e.shiftKey ? -1 : 1) + items.length) % items.length;
      items[next].focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      if (before?.isConnected) before.focus();
    };
  }, [before]);
  return dialog;
}
