// A connection of the open workspace, turned into something the console can ask questions of.
// One adapter per kind (kubernetes, mlflow, prometheus, alertmanager) implements it over its
// source client; capabilities see only this.
import type { Headline } from '../../../../shared/contract/sources';
import type { Connection, ConnectionTestResult } from '../../../../shared/model/connection';

export interface TestedTarget {
  target: string;
  result: ConnectionTestResult;
}

export interface LiveSource {
  readonly connection: Connection;
  /**
   * Connection test in the user's terms; for Kubernetes, one result per context: every context
   * when the user asks, only the selected ones for background probes (none is dialled unasked).
   */
  test(scope?: 'all' | 'selected'): Promise<TestedTarget[]>;
  headline(): Promise<Headline>;
  close(): Promise<void>;
}
