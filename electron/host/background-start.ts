// Background work a launch starts (source probes, the alert watch, client-node's prefetch) waits
// this long: compiling a client or answering a probe holds the event loop, and the window's first
// requests (the page, the cached answers it paints from) would wait behind it.
export const backgroundStartDelayMs = 2_000;
