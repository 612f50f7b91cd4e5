// The Drift page. Each tab is one way of looking at drift; a tab is one entry in `tabs`.
import { useState, type ComponentType } from 'react';
import { DriftReportTab } from './report/DriftReportTab';
import { DriftScoresTab } from './scores/DriftScoresTab';
import './drift.css';

interface DriftTab {
  id: string;
  label: string;
  component: ComponentType;
}

const tabs: DriftTab[] = [
  { id: 'scores', label: 'Scores over time', component: DriftScoresTab },
  { id: 'compare', label: 'Compare datasets', component: DriftReportTab },
];

export function DriftPage() {
  const [current, setCurrent] = useState(tabs[0]!.id);
  const tab = tabs.find((t) => t.id === current) ?? tabs[0]!;
  const Body = tab.component;
  return (
    <div className="page drift-page">
      <header className="page-header">
        <div>
          <h1>Drift</h1>
          <p className="page-subtitle">Input drift of the models in production</p>
        </div>
      </header>
      <div className="drift-tabs" role="tablist" aria-label="Drift views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`drift-tab-${t.id}`}
            aria-selected={t.id === tab.id}
            aria-controls="drift-tab-panel"
            className="button small"
            onClick={() => setCurrent(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="drift-tab-panel" aria-labelledby={`drift-tab-${tab.id}`}>
        <Body />
      </div>
    </div>
  );
}
