import { Navigate, Route, Routes } from 'react-router-dom';
import { ModelPage } from './capabilities/models/ModelPage';
import { ModelsPage } from './capabilities/models/ModelsPage';
import { VersionPage } from './capabilities/models/VersionPage';
import { OverviewPage } from './capabilities/overview/OverviewPage';
import { PipelinesPage } from './capabilities/pipelines/PipelinesPage';
import { SettingsPage } from './capabilities/settings/SettingsPage';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { Shell } from './shell/Shell';
import { useHostEvents } from './shell/host-events';
import { useThemeController } from './shell/theme';

export function App() {
  const stream = useHostEvents();
  useThemeController();

  return (
    <Shell stream={stream}>
      <Routes>
        <Route index element={<Navigate to="/overview" replace />} />
        <Route
          path="/overview"
          element={
            <PageErrorBoundary page="Overview">
              <OverviewPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/models"
          element={
            <PageErrorBoundary page="Models">
              <ModelsPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/models/:name"
          element={
            <PageErrorBoundary page="Models">
              <ModelPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/models/:name/versions/:version"
          element={
            <PageErrorBoundary page="Models">
              <VersionPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/pipelines"
          element={
            <PageErrorBoundary page="Pipelines">
              <PipelinesPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/settings"
          element={
            <PageErrorBoundary page="Settings">
              <SettingsPage />
            </PageErrorBoundary>
          }
        />
        <Route path="*" element={<Navigate to="/overview" replace />} />
      </Routes>
    </Shell>
  );
}
