import { useSyncExternalStore } from 'react';

// The high-contrast theme for a washed-out projector: on <html data-contrast="high">, which
// tokens.css turns into black text and lines. Remembered in this browser; without a stored choice it
// follows the system's "more contrast" setting.

const STORAGE_KEY = 'checkpointLab.contrast';
const listeners = new Set<() => void>();

function stored(): boolean | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'high' ? true : v === 'normal' ? false : null;
  } catch {
    return null;
  }
}

function systemWantsMore(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-contrast: more)').matches;
}

let high = typeof window === 'undefined' ? false : (stored() ?? systemWantsMore());

function apply(): void {
  if (high) document.documentElement.dataset.contrast = 'high';
  else delete document.documentElement.dataset.contrast;
}

if (typeof document !== 'undefined') apply();

export function isHighContrast(): boolean {
  return high;
}

export function setHighContrast(on: boolean): void {
  high = on;
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'high' : 'normal');
  } catch {
    // a browser that refuses storage keeps the choice for this page only
  }
  apply();
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useHighContrast(): boolean {
  return useSyncExternalStore(subscribe, isHighContrast, isHighContrast);
}
