// Errors the simulated Prometheus answers with, typed as Prometheus types them: `bad_data` (HTTP
// 400) for a query it cannot parse or will not run, `execution` (HTTP 422) for one that failed
// while running. The simulator refuses what it does not implement rather than guess a number.
export type PromqlErrorType = 'bad_data' | 'execution';

export class PromqlError extends Error {
  readonly type: PromqlErrorType;

  constructor(type: PromqlErrorType, message: string) {
    super(message);
    this.name = 'PromqlError';
    this.type = type;
  }
}

/** A valid PromQL feature the simulator does not implement: refused, never approximated. */
export function unsupported(what: string): PromqlError {
  return new PromqlError('bad_data', `the metrics simulator does not support ${what}`);
}
