import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { currentTranslator } from '../i18n/index.ts';

interface State {
  readonly error: Error | null;
}

/** When a screen fails to draw, say so plainly and offer a way back instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('window: a screen failed to draw', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const { t, rich } = currentTranslator();
    return (
      <main className="crashed" role="alert">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.what', { message: this.state.error.message })}</p>
        <p>
          {rich('crash.ways', {
            back: (chunks) => (
              <a
                href="#/"
                onClick={() => {
                  this.setState({ error: null });
                }}
              >
                {chunks}
              </a>
            ),
            reload: (chunks) => (
              <button type="button" className="link" onClick={() => window.location.reload()}>
                {chunks}
              </button>
            ),
          })}
        </p>
      </main>
    );
  }
}
