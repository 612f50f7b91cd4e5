// The window's first module (main.tsx imports it before anything else): sends the first page's
// reads while the rest of the bundle (React, the router, the shell) is still being evaluated.
import { launchPath, launchReads, sentInput } from './data/launch-reads';
import { windowTransport } from './transport/window-transport';

windowTransport().sendEarly(
  launchReads(launchPath(location.hash)).map((read) => ({
    name: read.name,
    input: sentInput(read),
  })),
);
