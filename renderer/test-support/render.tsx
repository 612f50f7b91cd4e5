// Renders the app (or one screen) with the real providers over a fake transport.
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach } from 'vitest';
import { App, preloadPages } from '../App';
import { AppProviders } from '../AppProviders';
import { createBridge } from '../bridge';
import { createQueryClient } from '../data/query-client';
import type { FakeTransport } from './fake-transport';

// Pages are lazy chunks; compiling one on demand under a loaded test run can outlast a findBy.
await preloadPages();

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
  window.localStorage.clear();
});

export function renderWith(transport: FakeTransport, ui: ReactNode, route = '/overview') {
  const client = createQueryClient({ retry: false });
  const location: { current: string } = { current: route };
  const view = render(
    <AppProviders bridge={createBridge(transport)} client={client}>
      <MemoryRouter initialEntries={[route]}>
        <LocationProbe into={location} />
        {ui}
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, client, location };
}

export function renderApp(transport: FakeTransport, route = '/overview') {
  return renderWith(transport, <App />, route);
}

function LocationProbe({ into }: { into: { current: string } }) {
  into.current = useLocation().pathname;
  return null;
}
