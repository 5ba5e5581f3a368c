import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A header button that opens a small panel of less frequent tools (sharing and exporting), so the
 * header keeps to one row at 1280 px. Escape or a click outside closes it; focus returns to the button.
 */
export function HeaderMenu({ label, title, testId, children }: { label: string; title?: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // a dialog opened from the menu closes first
      if (document.querySelector('[role="dialog"]')) return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (target && root.current?.contains(target)) return;
      // a dialog a tool opened (it may render elsewhere) keeps the menu
      if (target instanceof Element && target.closest('[role="dialog"]')) return;
      setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="header-menu" ref={root}>
      <button type="button" ref={button} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} title={title} data-testid={testId}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && <div className="header-menu-panel" id={panelId} role="group" aria-label={label}>{children}</div>}
    </div>
  );
}
