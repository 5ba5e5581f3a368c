import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimStore } from '../store/simStore';
import { SimStoreContext } from '../store/react';
import { readPageParams } from '../store/urlParams';
import { recordsInFlight } from './graph/views';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import './app.css';

const params = readPageParams(window.location.search);
const store = createSimStore({ scenarioId: params.scenarioId, seed: params.seed, conf: params.conf, notices: params.problems });

// A read-only window for the benchmark and for curious people at the console.
(window as unknown as { __checkpointLab: unknown }).__checkpointLab = {
  inFlight: () => recordsInFlight(store.getState().sim.state),
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
