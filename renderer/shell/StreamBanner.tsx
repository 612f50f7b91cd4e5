import type { StreamState } from '../transport/types';

/** The event stream dropped (browser-mode host stopped, laptop offline, VPN gone). */
export function StreamBanner({ state }: { state: StreamState }) {
  if (state !== 'reconnecting') return null;
  return (
    <div className="banner banner-warn" data-testid="stream-banner" role="status">
      <span className="pulse" aria-hidden="true" />
      <span className="banner-text">
        Lost the connection to the console host — reconnecting. Live updates are paused; figures on
        screen may be out of date.
      </span>
    </div>
  );
}
