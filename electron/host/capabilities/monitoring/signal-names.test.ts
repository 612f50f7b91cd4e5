import { describe, expect, it } from 'vitest';
import { signalNames } from '../../../../shared/model/signal-names';
import { parseWorkspace } from '../../workspace/workspace-file';
import { signalCatalogue } from './signals';

describe('named signals', () => {
  it('are the same in the catalogue and in what a workspace file may override', () => {
    expect(Object.keys(signalCatalogue).sort()).toEqual([...signalNames].sort());
  });

  it('refuse a misspelt override with its line, rather than ignore it', () => {
    const text = [
      'version: 1',
      'name: Team',
      'connections: []',
      'overrides:',
      '  signals:',
      '    gpu.utilisation: DCGM_FI_DEV_GPU_UTIL{cluster="prod"}',
      '    gpu.utilization: DCGM_FI_DEV_GPU_UTIL',
      '',
    ].join('\n');
    expect(() => parseWorkspace(text, 'team.yaml')).toThrow(
      /team\.yaml:7:\d+: overrides\.signals\.gpu\.utilization: "gpu\.utilization" is not a named signal/,
    );
  });
});
