// Which bridge the screens talk through. The app uses the real one (Electron preload or loopback
// HTTP); tests hand in a bridge over a fake transport, so no module mocking is needed.
import { createContext, useContext, type ReactNode } from 'react';
import { bridge as hostBridge, type Bridge } from '../bridge';

const BridgeContext = createContext<Bridge>(hostBridge);

export function BridgeProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  return <BridgeContext value={bridge}>{children}</BridgeContext>;
}

export function useBridge(): Bridge {
  return useContext(BridgeContext);
}
