import { Component, type ReactNode } from 'react';

/** If drawing fails, say so and offer a way back instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Checkpoint Lab hit a problem</h1>
        <p>{this.state.error.message}</p>
        <p>Your settings are in the address bar. Reload to start again, or go back to the default scenario.</p>
        <button type="button" onClick={() => window.location.reload()}>Reload</button>{' '}
        <button type="button" onClick={() => { window.location.href = window.location.pathname; }}>Default scenario</button>
      </div>
    );
  }
}
