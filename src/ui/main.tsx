import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store/appStore';
import { AppStoreContext } from '../store/react';
import { readPageParams } from '../store/urlParams';
import { recordsInFlight } from '../engine';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';

const params = readPageParams(window.location.search);
const store = createAppStore({ scenarioId: params.scenarioId, scenario: params.scenario, seed: params.seed, conf: params.conf, notices: params.problems, run: params.run, at: params.at });

// A read-only window for the benchmark and for curious people at the console.
(window as unknown as { __checkpointLab: unknown }).__checkpointLab = {
  inFlight: () => recordsInFlight(store.getState().runs.a.sim.state),
  /** the trace hash of this page's scenario, seed and settings run to `ms` in the browser's engine */
  traceHashAt: (ms: number) => store.getState().referenceTraceHash(ms),
  state: () => store.getState().runs.a.sim.state,
  store,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <AppStoreContext.Provider value={store}>
        <App />
      </AppStoreContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
