import { Navigate, Route, Routes } from 'react-router-dom';
import { OverviewPage } from './capabilities/overview/OverviewPage';
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
