// Request parameters as MLflow's handlers read them: GET from the query string (all strings,
// repeated keys for lists), other methods from a JSON body (typed); numbers may arrive as strings.
import { invalidParameter, missingParameter } from './api-error';

export class Params {
  constructor(private readonly values: Record<string, unknown>) {}

  static fromQuery(query: URLSearchParams): Params {
    const values: Record<string, unknown> = {};
    for (const key of new Set(query.keys())) {
      const all = query.getAll(key);
      values[key] = all.length > 1 ? all : all[0];
    }
    return new Params(values);
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
    return String(value);
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missingParameter(name);
    return value;
  }

  list(name: string): string[] {
    const value = this.values[name];
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).map(String);
  }

  int(name: string, fallback: number): number {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return fallback;
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(number)) {
      throw invalidParameter(
        `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied.`,
      );
    }
    return number;
  }

  bool(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return value === true || value === 'true' || value === 'True';
  }

  tags(): Map<string, string> {
    const raw = this.values.tags;
    const tags = new Map<string, string>();
    if (Array.isArray(raw)) {
      for (const tag of raw) {
        const { key, value } = (tag ?? {}) as { key?: unknown; value?: unknown };
        if (typeof key === 'string') tags.set(key, value === undefined ? '' : String(value));
      }
    }
    return tags;
  }
}
