// How the GPU and inference pages write numbers: units the user reads on nvidia-smi and Grafana.

export const dash = '—';

export function num(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return dash;
  return v.toFixed(digits);
}

export function gib(mib: number | null | undefined): string {
  if (mib === null || mib === undefined || !Number.isFinite(mib)) return dash;
  return (mib / 1024).toFixed(1);
}

export function money(v: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(v);
  } catch {
    return `${v.toFixed(2)} ${currency}`;
  }
}

export function duration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return dash;
  return `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)} %`;
}
