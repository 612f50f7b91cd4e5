// A finished drift report as a document to keep or share: Markdown (for a ticket or a pull
// request) or a self-contained HTML page (no scripts, no external files). Every score carries its
// test, threshold and direction, as on screen.

import type { ColumnDriftResult, DriftReport } from '../../../../../shared/contract/drift';

const direction = { le: '≤', lt: '<', ge: '≥' } as const;

export function formatScore(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-4) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}

function rule(c: ColumnDriftResult): string {
  return `drift when ${c.scoreKind === 'p_value' ? 'p' : 'score'} ${direction[c.driftWhen]} ${c.threshold}`;
}

function name(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function windowText(side: DriftReport['reference']): string {
  const w = side.window;
  return w ? ` — "${w.column}" from ${w.from ?? 'start'} to ${w.to ?? 'end'}` : '';
}

function headline(r: DriftReport): string {
  const d = r.dataset;
  return (
    `${d.driftedColumns} of ${d.testedColumns} columns drifted (share ${formatScore(d.share)}; ` +
    `dataset drift when share ≥ ${d.driftShareThreshold}): ` +
    (d.datasetDrift ? 'DATASET DRIFT' : 'no dataset drift')
  );
}

export function reportMarkdown(r: DriftReport): string {
  const md = (s: string) => s.replace(/\|/g, '\\|');
  const row = (c: ColumnDriftResult) =>
    `| ${md(c.column)} | ${c.kind} | ${c.testLabel} | ${formatScore(c.score)} | ${rule(c)} | ${c.drifted ? '**yes**' : 'no'} | ${c.referenceRows} / ${c.currentRows} |`;
  const lines = [
    '# Drift report',
    '',
    `- Reference: \`${md(name(r.reference.path))}\`, ${r.reference.rowsKept} rows${windowText(r.reference)}`,
    `- Current: \`${md(name(r.current.path))}\`, ${r.current.rowsKept} rows${windowText(r.current)}`,
    `- ${headline(r)}`,
    `- Computed ${r.computedAt} with Evidently's ${r.request.test === 'psi' ? 'PSI' : 'default tests'}`,
    '',
    '| Column | Kind | Test | Score | Rule | Drifted | Rows (ref / cur) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.columns.map(row),
  ];
  if (r.prediction) {
    lines.push(
      '',
      '## Prediction drift',
      '',
      '| Column | Kind | Test | Score | Rule | Drifted | Rows (ref / cur) |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      row(r.prediction),
    );
  }
  if (r.errorTrend) {
    lines.push(
      '',
      '## False positives and negatives',
      '',
      '| Period | Rows | FP | FN | FP rate | FN rate |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const p of r.errorTrend.points) {
      lines.push(
        `| ${p.period} | ${p.rows} | ${p.falsePositives} | ${p.falseNegatives} | ${formatScore(p.falsePositiveRate)} | ${formatScore(p.falseNegativeRate)} |`,
      );
    }
  }
  if (r.skipped.length) {
    lines.push(
      '',
      '## Not compared',
      '',
      ...r.skipped.map((s) => `- ${md(s.column)}: ${s.reason}`),
    );
  }
  return lines.join('\n') + '\n';
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

function overlay(c: ColumnDriftResult): string {
  const h = c.histogram;
  const max = Math.max(...h.reference, ...h.current, 1e-12);
  const bar = (v: number, cls: string) =>
    `<div class="bar ${cls}" style="width:${((v / max) * 100).toFixed(1)}%"></div>`;
  const rows = h.bins
    .map(
      (b, i) =>
        `<tr><td>${esc(b)}</td><td>${bar(h.reference[i]!, 'ref')}${bar(h.current[i]!, 'cur')}</td></tr>`,
    )
    .join('');
  return `<details><summary>${esc(c.column)}: distribution (reference vs current)</summary><table class="hist">${rows}</table></details>`;
}

export function reportHtml(r: DriftReport): string {
  const row = (c: ColumnDriftResult) =>
    `<tr class="${c.drifted ? 'drift' : ''}"><td>${esc(c.column)}</td><td>${c.kind}</td><td>${esc(c.testLabel)}</td>` +
    `<td>${formatScore(c.score)}</td><td>${esc(rule(c))}</td><td>${c.drifted ? 'yes' : 'no'}</td>` +
    `<td>${c.referenceRows} / ${c.currentRows}</td></tr>`;
  const head =
    '<tr><th>Column</th><th>Kind</th><th>Test</th><th>Score</th><th>Rule</th><th>Drifted</th><th>Rows (ref / cur)</th></tr>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drift report</title>
<style>
body{font:14px system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left}tr.drift td{background:#ffebe9}
.hist td{border:none;padding:1px 6px}.bar{height:6px;margin:1px 0}.ref{background:#0969da}.cur{background:#d1242f}
</style></head><body>
<h1>Drift report</h1>
<p>Reference: <code>${esc(name(r.reference.path))}</code>, ${r.reference.rowsKept} rows${esc(windowText(r.reference))}<br>
Current: <code>${esc(name(r.current.path))}</code>, ${r.current.rowsKept} rows${esc(windowText(r.current))}<br>
<strong>${esc(headline(r))}</strong><br>Computed ${esc(r.computedAt)}</p>
<table>${head}${r.columns.map(row).join('')}</table>
${r.prediction ? `<h2>Prediction drift</h2><table>${head}${row(r.prediction)}</table>` : ''}
${errorTrendHtml(r)}
<h2>Distributions</h2><p><span class="bar ref" style="display:inline-block;width:2em"></span> reference
<span class="bar cur" style="display:inline-block;width:2em"></span> current</p>
${r.columns.map(overlay).join('\n')}
${r.skipped.length ? `<h2>Not compared</h2><ul>${r.skipped.map((s) => `<li>${esc(s.column)}: ${esc(s.reason)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}

function errorTrendHtml(r: DriftReport): string {
  if (!r.errorTrend) return '';
  const rows = r.errorTrend.points
    .map(
      (p) =>
        `<tr><td>${esc(p.period)}</td><td>${p.rows}</td><td>${p.falsePositives} (${formatScore(p.falsePositiveRate)})</td>` +
        `<td>${p.falseNegatives} (${formatScore(p.falseNegativeRate)})</td></tr>`,
    )
    .join('');
  return `<h2>False positives and negatives</h2><table><tr><th>Period</th><th>Rows</th><th>FP (rate)</th><th>FN (rate)</th></tr>${rows}</table>`;
}
