import type { AppState, ViewActions, ViewState } from './appState';

// What the page shows, apart from any run: the selected subtask, the open side-panel tab (a lesson
// step can open the Checkpoints tab), highlighted elements, language, presenter mode, log filter.

type Set = (fn: (s: AppState) => Partial<AppState>) => void;

export const INITIAL_VIEW: ViewState = { selectedSubtask: null, tab: 'state', highlights: [], lang: 'en', presenter: false, logFilter: '' };

export function createViewSlice(set: Set): { view: ViewState; viewActions: ViewActions } {
  const view = (p: Partial<ViewState>) => set((s) => ({ view: { ...s.view, ...p } }));
  return {
    view: INITIAL_VIEW,
    viewActions: {
      select: (selectedSubtask) => view({ selectedSubtask }),
      setTab: (tab) => view({ tab }),
      setHighlights: (highlights) => view({ highlights }),
      setLang: (lang) => view({ lang }),
      setPresenter: (presenter) => view({ presenter }),
      setLogFilter: (logFilter) => view({ logFilter }),
    },
  };
}
