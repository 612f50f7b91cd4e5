import { Navigate, Route, Routes } from 'react-router-dom';
import { AlertsPage } from './capabilities/alerts/AlertsPage';
import { AuditPage } from './capabilities/audit/AuditPage';
import { DriftPage } from './capabilities/drift/DriftPage';
import { ModelPage } from './capabilities/models/ModelPage';
import { ModelsPage } from './capabilities/models/ModelsPage';
import { VersionPage } from './capabilities/models/VersionPage';
import { MonitoringPage } from './capabilities/monitoring/MonitoringPage';
import { OverviewPage } from './capabilities/overview/OverviewPage';
import { PipelinesPage } from './capabilities/pipelines/PipelinesPage';
import { SchedulesPage } from './capabilities/schedules/SchedulesPage';
import { ServingPage } from './capabilities/serving/ServingPage';
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
          path="/schedules"
          element={
            <PageErrorBoundary page="Schedules">
              <SchedulesPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/serving"
          element={
            <PageErrorBoundary page="Serving">
              <ServingPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/alerts"
          element={
            <PageErrorBoundary page="Alerts">
              <AlertsPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/gpus"
          element={
            <PageErrorBoundary page="GPUs">
              <MonitoringPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/drift"
          element={
            <PageErrorBoundary page="Drift">
              <DriftPage />
            </PageErrorBoundary>
          }
        />
        <Route
          path="/audit"
          element={
            <PageErrorBoundary page="Audit log">
              <AuditPage />
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
