import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../components/time';
import { useCall } from '../../data/queries';

export function AboutSection() {
  const info = useCall('app.info', {});
  return (
    <section
      className="settings-section"
      id="settings-about"
      aria-labelledby="settings-about-title"
    >
      <header className="section-header">
        <h2 id="settings-about-title" tabIndex={-1}>
          About
        </h2>
      </header>
      {info.isPending ? (
        <Skeleton lines={4} label="Loading" />
      ) : info.isError ? (
        <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <dl className="about-list" data-testid="about">
          <dt>Version</dt>
          <dd className="mono">{info.data.version}</dd>
          <dt>Running as</dt>
          <dd>{info.data.mode === 'electron' ? 'Desktop app' : 'Browser mode (loopback host)'}</dd>
          <dt>Data folder</dt>
          <dd className="mono selectable">{info.data.dataDir}</dd>
          <dt>Secrets kept in</dt>
          <dd data-testid="about-secrets">
            {info.data.secretStorage === 'safeStorage'
              ? 'OS keychain (safeStorage)'
              : 'this session only (browser mode)'}
          </dd>
          <dt>Started</dt>
          <dd>{formatDateTime(info.data.startedAt)}</dd>
        </dl>
      )}
    </section>
  );
}
