import { ErrorMessage } from '../../components/ErrorMessage';
import { Field, controlProps } from '../../components/Field';
import { useThemePreference, type ThemePreference } from '../../shell/theme';

export function AppearanceSection() {
  const theme = useThemePreference();
  return (
    <section
      className="settings-section"
      id="settings-appearance"
      aria-labelledby="settings-appearance-title"
    >
      <header className="section-header">
        <h2 id="settings-appearance-title" tabIndex={-1}>
          Appearance
        </h2>
      </header>
      <Field
        id="theme-select"
        label="Theme"
        hint="System follows your operating system's light or dark setting."
      >
        <select
          className="input narrow"
          {...controlProps('theme-select', undefined, 'hint')}
          data-testid="theme-select"
          value={theme.preference ?? 'system'}
          disabled={theme.preference === undefined}
          onChange={(e) => theme.setPreference(e.target.value as ThemePreference)}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </Field>
      {theme.loadError && <ErrorMessage error={theme.loadError} compact />}
      {theme.updateError && <ErrorMessage error={theme.updateError} compact />}
    </section>
  );
}
