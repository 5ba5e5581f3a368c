import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimStore, SimStoreApi } from './simStore';

// The thin React binding over the vanilla store. Components read through selectors and change
// the simulation only through the store's actions.

export const SimStoreContext = createContext<SimStoreApi | null>(null);

export function useSimStoreApi(): SimStoreApi {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSim needs a SimStoreContext provider');
  return store;
}

export function useSim<T>(selector: (s: SimStore) => T): T {
  return useStore(useSimStoreApi(), selector);
}
