import { Component, type ReactNode } from 'react';
import { translator } from '../i18n/translate';

/** If drawing fails, say so and offer a way back instead of a blank page (in the language <html lang> says). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    const lang = document.documentElement.lang === 'ko' ? 'ko' : 'en';
    const t = translator(lang);
    return (
      <div className="crash" role="alert">
        <h1>{t('crash.title')}</h1>
        <p>{this.state.error.message}</p>
        <p>{t('crash.hint')}</p>
        <button type="button" onClick={() => window.location.reload()}>{t('crash.reload')}</button>{' '}
        <button type="button" onClick={() => { window.location.href = `${window.location.pathname}${lang === 'ko' ? '?lang=ko' : ''}`; }}>{t('crash.default')}</button>
      </div>
    );
  }
}
