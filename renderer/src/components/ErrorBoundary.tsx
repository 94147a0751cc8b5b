import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

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
    return (
      <main className="crashed" role="alert">
        <h1>This screen could not be shown</h1>
        <p>
          Something went wrong while drawing it ({this.state.error.message}). Your library is safe: nothing saved was changed or lost.
        </p>
        <p>
          <a
            href="#/"
            onClick={() => {
              this.setState({ error: null });
            }}
          >
            Go back to the library
          </a>{' '}
          or{' '}
          <button type="button" className="link" onClick={() => window.location.reload()}>
            reload the window
          </button>
          .
        </p>
      </main>
    );
  }
}
