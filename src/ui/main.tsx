import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store/appStore';
import { AppStoreContext } from '../store/react';
import { readPageParams } from '../store/urlParams';
import { readCompareParams } from '../store/compareParams';
import { readBranchesParam } from '../store/branches';
import { recordsInFlight } from '../engine';
import { initialLang } from '../i18n/lang';
import { prepareLanguage } from '../i18n/prepare';
import { App } from './App';
import { EmbedApp } from './embed/EmbedApp';
import { readEmbedMode } from './embed/embedMode';
import { registerOffline } from './embed/offline';
import { afterFirstScreen } from './lazy/afterFirstScreen';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';

const params = readPageParams(window.location.search);
// `?embed=1`: only the graph, the narration and the controls, driven by the page around it (embed/)
const embedded = readEmbedMode(window.location.search);
const compare = readCompareParams(window.location.search, params.problems);
const branches = readBranchesParam(window.location.search, params.problems);
const notices = params.langProblem ? [params.langProblem, ...params.problems] : params.problems;
// `?lang=en|ko`, else the browser's language; <html lang> and the font follow (useDocumentLanguage)
const lang = initialLang(params.lang, window.navigator);
// A Korean page waits for its messages (a chunk of their own) rather than flash English first, and
// for the font's pieces that draw them (src/i18n/font.ts says why): asked for before the store is
// made, so they arrive while it is
const languageReady = prepareLanguage(lang);
const store = createAppStore({ scenarioId: params.scenarioId, scenario: params.scenario, seed: params.seed, conf: params.conf, notices, run: params.run, at: params.at, b: compare, branches });
store.getState().viewActions.setLang(lang);
document.documentElement.lang = lang;

// A read-only window for the benchmark and for curious people at the console.
(window as unknown as { __checkpointLab: unknown }).__checkpointLab = {
  inFlight: () => recordsInFlight(store.getState().runs.a.sim.state),
  /** the trace hash of this page's scenario, seed and settings run to `ms` in the browser's engine */
  traceHashAt: (ms: number) => store.getState().referenceTraceHash(ms),
  state: () => store.getState().runs.a.sim.state,
  store,
};

void languageReady.finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <AppStoreContext.Provider value={store}>
          {embedded ? <EmbedApp /> : <App />}
        </AppStoreContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  );
  // works offline once loaded: a service worker keeps the app and every lesson (embed/offline.ts);
  // its install fetches every chunk, so it starts once the first screen is up and the page idle
  afterFirstScreen(registerOffline);
});

// the host page hears `ready` once the page is drawn (the callback above runs first)
if (embedded && window.parent !== window) void languageReady.catch(() => undefined).then(() => import('./embed/startEmbed')).then(({ startEmbed }) => startEmbed(store));
