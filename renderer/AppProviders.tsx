// Everything a screen needs around it, except the router (HashRouter in the app, MemoryRouter
// in tests).
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Bridge } from './bridge';
import { ToastProvider } from './components/toasts';
import { BridgeProvider } from './data/bridge-context';

export function AppProviders({
  bridge,
  client,
  children,
}: {
  bridge: Bridge;
  client: QueryClient;
  children: ReactNode;
}) {
  return (
    <BridgeProvider bridge={bridge}>
      <QueryClientProvider client={client}>
        <ToastProvider>{children}</ToastProvider>
      </QueryClientProvider>
    </BridgeProvider>
  );
}
