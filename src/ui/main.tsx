import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimStore, currentScenario } from '../store/simStore';
import { SimStoreContext } from '../store/react';
import { readPageParams } from '../store/urlParams';
import { recordsInFlight } from './graph/views';
import { formatTraceHash, Simulation } from '../engine';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';

const params = readPageParams(window.location.search);
const store = createSimStore({ scenarioId: params.scenarioId, scenario: params.scenario, seed: params.seed, conf: params.conf, notices: params.problems, run: params.run, at: params.at });

// A read-only window for the benchmark and for curious people at the console.
(window as unknown as { __checkpointLab: unknown }).__checkpointLab = {
  inFlight: () => recordsInFlight(store.getState().sim.state),
  /** the trace hash of this page's scenario, seed and settings run to `ms` in the browser's engine */
  traceHashAt: (ms: number) => {
    const { seed, conf } = store.getState();
    const sim = Simulation.create(currentScenario(store.getState()), { seed, conf });
    sim.runUntil(ms);
    return formatTraceHash(sim.state.traceHash);
  },
  state: () => store.getState().sim.state,
  store,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SimStoreContext.Provider value={store}>
        <App />
      </SimStoreContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
