// A render bug on one page shows a message and a way out, never a white window.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<{ children: ReactNode; page: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.page} page failed to render`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="page-crash" role="alert" data-testid="page-error">
        <h1>The {this.props.page} page hit a bug</h1>
        <p>
          Something in the console itself went wrong while drawing this page. Your sources and
          settings are not affected.
        </p>
        <pre className="page-crash-detail">{error.message}</pre>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
