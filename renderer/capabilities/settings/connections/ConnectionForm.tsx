// Add or edit a connection. Typed secrets stay in this component's state only: they go to the
// host in connections.save / connections.test and are dropped as soon as the save succeeds.
// (Plain calls, not react-query mutations, so no mutation cache keeps a copy of the input.)
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectionView } from '../../../../shared/contract/connections';
import type { ConnectionKind } from '../../../../shared/model/connection';
import { CallError } from '../../../bridge';
import { connectionKinds, kindLabels } from '../../../components/connection-kinds';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Field, controlProps } from '../../../components/Field';
import { KeyValueEditor } from '../../../components/KeyValueEditor';
import { ListEditor } from '../../../components/ListEditor';
import { useToasts } from '../../../components/toasts';
import { useBridge } from '../../../data/bridge-context';
import { useCall } from '../../../data/queries';
import {
  buildConnection,
  draftFromView,
  emptyDraft,
  errorsFromIssues,
  withoutTypedSecrets,
  type ConnectionDraft,
  type DraftField,
  type FieldErrors,
} from './connection-draft';
import { TestResults, type ConnectionTarget } from './TestResults';

const fid = (field: DraftField) => `field-${field}`;

export function ConnectionForm({
  initial,
  kubeConnections,
  onDone,
}: {
  initial?: ConnectionView;
  kubeConnections: ConnectionView[];
  onDone: () => void;
}) {
  const bridge = useBridge();
  const client = useQueryClient();
  const toasts = useToasts();
  const info = useCall('app.info', {});
  const editing = Boolean(initial);
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    initial ? draftFromView(initial) : emptyDraft(),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [tested, setTested] = useState<ConnectionTarget[] | null>(null);
  const [focusErrors, setFocusErrors] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusErrors === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrors]);

  function update(patch: Partial<ConnectionDraft>, ...fields: DraftField[]) {
    setDraft((d) => ({ ...d, ...patch }));
    setTested(null);
    if (fields.some((f) => errors[f])) {
      setErrors((all) => {
        const next = { ...all };
        for (const f of fields) delete next[f];
        return next;
      });
    }
  }

  function validated() {
    const built = buildConnection(draft);
    if (!built.ok) {
      setErrors(built.errors);
      setFocusErrors((n) => n + 1);
      return undefined;
    }
    setErrors({});
    return built;
  }

  function showFailure(error: unknown) {
    if (error instanceof CallError && error.error.issues?.length) {
      const mapped = errorsFromIssues(error.error.issues, draft);
      setErrors(mapped);
      setFocusErrors((n) => n + 1);
      if (mapped.form) setFailure(error);
      return;
    }
    setFailure(error);
  }

  async function runTest() {
    const built = validated();
    if (!built) return;
    setBusy('test');
    setFailure(null);
    setTested(null);
    try {
      const answer = await bridge.call('connections.test', {
        draft: built.connection,
        ...(built.secrets ? { secrets: built.secrets } : {}),
      });
      setTested(answer.results);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const built = validated();
    if (!built) return;
    setBusy('save');
    setFailure(null);
    try {
      const saved = await bridge.call('connections.save', {
        connection: built.connection,
        ...(built.secrets ? { secrets: built.secrets } : {}),
      });
      setDraft(withoutTypedSecrets);
      setBusy(null);
      toasts.show({ tone: 'ok', title: `Saved ${saved.connection.name}` });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['connections.list'] }),
        client.invalidateQueries({ queryKey: ['sources.headline'] }),
      ]);
      onDone();
    } catch (error) {
      setBusy(null);
      showFailure(error);
    }
  }

  const http = draft.kind !== 'kubernetes';
  const metrics = draft.kind === 'prometheus' || draft.kind === 'alertmanager';
  const secretField = draft.authType === 'bearer' ? 'token' : 'password';
  const saved = draft.savedSecrets[secretField];
  const vaultNote =
    info.data?.secretStorage === 'session'
      ? 'Browser mode: kept for this session only.'
      : info.data?.secretStorage === 'safeStorage'
        ? 'Encrypted with the OS keychain; it never comes back to this window.'
        : undefined;

  return (
    <form
      ref={form}
      className="card connection-form"
      data-testid="connection-form"
      onSubmit={save}
      noValidate
      aria-label={editing ? `Edit ${initial?.connection.name}` : 'Add a connection'}
    >
      <header className="card-header">
        <h3>{editing ? `Edit ${initial?.connection.name}` : 'Add a connection'}</h3>
      </header>

      <div className="form-grid">
        <Field id={fid('kind')} label="Kind" error={errors.kind}>
          <select
            className="input"
            {...controlProps(fid('kind'), errors.kind)}
            data-testid={fid('kind')}
            value={draft.kind}
            disabled={editing}
            onChange={(e) => update({ kind: e.target.value as ConnectionKind }, 'kind')}
          >
            {connectionKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={fid('id')}
          label="ID"
          error={errors.id}
          hint="Lower-case letters, digits and dashes; how workspace files refer to it."
        >
          <input
            className="input mono"
            {...controlProps(fid('id'), errors.id, 'hint')}
            data-testid={fid('id')}
            value={draft.id}
            disabled={editing}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update({ id: e.target.value }, 'id')}
          />
        </Field>
        <Field id={fid('name')} label="Name" error={errors.name}>
          <input
            className="input"
            {...controlProps(fid('name'), errors.name)}
            data-testid={fid('name')}
            value={draft.name}
            autoComplete="off"
            onChange={(e) => update({ name: e.target.value }, 'name')}
          />
        </Field>
      </div>

      {draft.kind === 'kubernetes' && (
        <fieldset className="form-section">
          <legend>Cluster access</legend>
          <Field
            id={fid('kubeconfigPaths')}
            label="Kubeconfig files"
            optional
            error={errors.kubeconfigPaths}
            hint="Merged in order, like $KUBECONFIG. Empty: $KUBECONFIG, else ~/.kube/config."
          >
            <ListEditor
              idPrefix={fid('kubeconfigPaths')}
              itemLabel="Kubeconfig file"
              placeholder="~/.kube/config"
              addLabel="Add file"
              items={draft.kubeconfigPaths}
              onChange={(kubeconfigPaths) => update({ kubeconfigPaths }, 'kubeconfigPaths')}
            />
          </Field>
          <Field
            id={fid('contexts')}
            label="Contexts"
            optional
            error={errors.contexts}
            hint="Only these contexts are offered. Empty: every context in the kubeconfig."
          >
            <ListEditor
              idPrefix={fid('contexts')}
              itemLabel="Context"
              placeholder="prod-eu-west"
              addLabel="Add context"
              items={draft.contexts}
              onChange={(contexts) => update({ contexts }, 'contexts')}
            />
          </Field>
        </fieldset>
      )}

      {draft.kind === 'mlflow' && (
        <fieldset className="form-section">
          <legend>Server</legend>
          <Field id={fid('trackingUri')} label="Tracking URI" error={errors.trackingUri}>
            <input
              className="input mono"
              {...controlProps(fid('trackingUri'), errors.trackingUri)}
              data-testid={fid('trackingUri')}
              value={draft.trackingUri}
              placeholder="https://mlflow.example.com"
              spellCheck={false}
              onChange={(e) => update({ trackingUri: e.target.value }, 'trackingUri')}
            />
          </Field>
        </fieldset>
      )}

      {metrics && (
        <fieldset className="form-section">
          <legend>Server</legend>
          <Field id={fid('reach')} label="Reach it" error={errors.reach}>
            <select
              className="input"
              {...controlProps(fid('reach'), errors.reach)}
              data-testid={fid('reach')}
              value={draft.reach}
              onChange={(e) =>
                update({ reach: e.target.value as ConnectionDraft['reach'] }, 'reach', 'url')
              }
            >
              <option value="url">At a URL</option>
              <option value="kubernetes">Through the Kubernetes API server</option>
            </select>
          </Field>
          {draft.reach === 'url' ? (
            <Field id={fid('url')} label="URL" error={errors.url}>
              <input
                className="input mono"
                {...controlProps(fid('url'), errors.url)}
                data-testid={fid('url')}
                value={draft.url}
                placeholder={
                  draft.kind === 'prometheus'
                    ? 'http://prometheus:9090'
                    : 'http://alertmanager:9093'
                }
                spellCheck={false}
                onChange={(e) => update({ url: e.target.value }, 'url')}
              />
            </Field>
          ) : (
            <ViaKubernetesFields
              draft={draft}
              errors={errors}
              kubeConnections={kubeConnections}
              update={update}
            />
          )}
        </fieldset>
      )}

      {http && (
        <fieldset className="form-section">
          <legend>Authentication</legend>
          <div className="form-grid">
            <Field id={fid('auth-type')} label="Auth" error={errors['auth-type']}>
              <select
                className="input"
                {...controlProps(fid('auth-type'), errors['auth-type'])}
                data-testid={fid('auth-type')}
                value={draft.authType}
                onChange={(e) =>
                  update(
                    { authType: e.target.value as ConnectionDraft['authType'] },
                    'auth-type',
                    'token',
                    'password',
                    'username',
                    'secret-location',
                  )
                }
              >
                <option value="none">None</option>
                <option value="bearer">Bearer token</option>
                <option value="basic">Basic (username and password)</option>
              </select>
            </Field>
            {draft.authType === 'basic' && (
              <Field id={fid('username')} label="Username" error={errors.username}>
                <input
                  className="input"
                  {...controlProps(fid('username'), errors.username)}
                  data-testid={fid('username')}
                  value={draft.username}
                  autoComplete="off"
                  onChange={(e) => update({ username: e.target.value }, 'username')}
                />
              </Field>
            )}
            {draft.authType !== 'none' && (
              <Field
                id={fid('secret-source')}
                label={draft.authType === 'bearer' ? 'Token from' : 'Password from'}
              >
                <select
                  className="input"
                  {...controlProps(fid('secret-source'))}
                  data-testid={fid('secret-source')}
                  value={draft.secretSource}
                  onChange={(e) =>
                    update(
                      { secretSource: e.target.value as ConnectionDraft['secretSource'] },
                      'token',
                      'password',
                      'secret-location',
                    )
                  }
                >
                  <option value="vault">Typed here</option>
                  <option value="env">Environment variable</option>
                  <option value="file">File</option>
                </select>
              </Field>
            )}
            {draft.authType !== 'none' && draft.secretSource === 'vault' && (
              <Field
                id={fid(secretField)}
                label={draft.authType === 'bearer' ? 'Token' : 'Password'}
                error={errors[secretField]}
                hint={
                  saved
                    ? `A saved ${secretField} exists; leave empty to keep it. ${vaultNote ?? ''}`
                    : vaultNote
                }
              >
                <input
                  className="input mono"
                  type="password"
                  {...controlProps(
                    fid(secretField),
                    errors[secretField],
                    saved || vaultNote ? 'hint' : undefined,
                  )}
                  data-testid={fid(secretField)}
                  value={draft[secretField]}
                  placeholder={saved ? '•••••••• saved' : ''}
                  autoComplete="new-password"
                  spellCheck={false}
                  onChange={(e) => update({ [secretField]: e.target.value }, secretField)}
                />
              </Field>
            )}
            {draft.authType !== 'none' && draft.secretSource !== 'vault' && (
              <Field
                id={fid('secret-location')}
                label={draft.secretSource === 'env' ? 'Variable name' : 'File path'}
                error={errors['secret-location']}
              >
                <input
                  className="input mono"
                  {...controlProps(fid('secret-location'), errors['secret-location'])}
                  data-testid={fid('secret-location')}
                  value={draft.secretLocation}
                  placeholder={
                    draft.secretSource === 'env' ? 'MLFLOW_TRACKING_TOKEN' : '/run/secrets/token'
                  }
                  spellCheck={false}
                  onChange={(e) => update({ secretLocation: e.target.value }, 'secret-location')}
                />
              </Field>
            )}
          </div>
        </fieldset>
      )}

      {metrics && (
        <fieldset className="form-section">
          <legend>Extra headers</legend>
          <Field
            id={fid('headers')}
            label="Headers sent with every request"
            optional
            error={errors.headers}
            hint="For example X-Scope-OrgID for a multi-tenant Mimir or Cortex."
          >
            <KeyValueEditor
              idPrefix={fid('headers')}
              keyLabel="Header name"
              valueLabel="Header value"
              keyPlaceholder="X-Scope-OrgID"
              valuePlaceholder="tenant-1"
              addLabel="Add header"
              rows={draft.headers}
              onChange={(headers) => update({ headers }, 'headers')}
            />
          </Field>
        </fieldset>
      )}

      {http && (
        <fieldset className="form-section">
          <legend>TLS</legend>
          <Field
            id={fid('caFile')}
            label="CA file"
            optional
            error={errors.caFile}
            hint="A PEM file of extra CAs, e.g. your company's TLS-inspecting proxy."
          >
            <input
              className="input mono"
              {...controlProps(fid('caFile'), errors.caFile, 'hint')}
              data-testid={fid('caFile')}
              value={draft.caFile}
              placeholder="/etc/ssl/certs/corp-ca.pem"
              spellCheck={false}
              onChange={(e) => update({ caFile: e.target.value }, 'caFile')}
            />
          </Field>
          <label className="check-row">
            <input
              type="checkbox"
              id={fid('insecureSkipTlsVerify')}
              data-testid={fid('insecureSkipTlsVerify')}
              checked={draft.insecureSkipTlsVerify}
              onChange={(e) =>
                update({ insecureSkipTlsVerify: e.target.checked }, 'insecureSkipTlsVerify')
              }
            />
            <span>
              Skip TLS verification{' '}
              <span className="muted">— anyone on the path can read the traffic</span>
            </span>
          </label>
        </fieldset>
      )}

      {errors.form && (
        <p className="form-error" role="alert" data-testid="form-error">
          {errors.form}
        </p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      {tested && (
        <div className="form-test-results">
          <h4>Test of this draft</h4>
          <TestResults results={tested} />
        </div>
      )}

      <footer className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          data-testid="form-test"
          onClick={() => void runTest()}
          disabled={busy !== null}
        >
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        <button
          type="submit"
          className="button primary"
          data-testid="form-save"
          disabled={busy !== null}
        >
          {busy === 'save' ? 'Saving…' : editing ? 'Save changes' : 'Save connection'}
        </button>
      </footer>
    </form>
  );
}

function ViaKubernetesFields({
  draft,
  errors,
  kubeConnections,
  update,
}: {
  draft: ConnectionDraft;
  errors: FieldErrors;
  kubeConnections: ConnectionView[];
  update: (patch: Partial<ConnectionDraft>, ...fields: DraftField[]) => void;
}) {
  const setVia = (patch: Partial<ConnectionDraft['via']>, field: DraftField) =>
    update({ via: { ...draft.via, ...patch } }, field);
  const text = (
    key: 'context' | 'namespace' | 'service' | 'port',
    label: string,
    placeholder: string,
  ) => {
    const field = `via-${key}` as DraftField;
    return (
      <Field id={fid(field)} label={label} error={errors[field]}>
        <input
          className="input mono"
          {...controlProps(fid(field), errors[field])}
          data-testid={fid(field)}
          value={draft.via[key]}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => setVia({ [key]: e.target.value }, field)}
        />
      </Field>
    );
  };
  return (
    <div className="form-grid">
      <Field
        id={fid('via-connection')}
        label="Kubernetes connection"
        optional
        error={errors['via-connection']}
      >
        <select
          className="input"
          {...controlProps(fid('via-connection'), errors['via-connection'])}
          data-testid={fid('via-connection')}
          value={draft.via.connection}
          onChange={(e) => setVia({ connection: e.target.value }, 'via-connection')}
        >
          <option value="">Default kubeconfig</option>
          {kubeConnections.map((k) => (
            <option key={k.connection.id} value={k.connection.id}>
              {k.connection.name}
            </option>
          ))}
        </select>
      </Field>
      {text('context', 'Context', 'prod-eu-west')}
      {text('namespace', 'Namespace', 'monitoring')}
      {text('service', 'Service', 'prometheus-operated')}
      {text('port', 'Port', '9090 or web')}
      <Field id={fid('via-scheme')} label="Scheme" error={errors['via-scheme']}>
        <select
          className="input"
          {...controlProps(fid('via-scheme'), errors['via-scheme'])}
          data-testid={fid('via-scheme')}
          value={draft.via.scheme}
          onChange={(e) => setVia({ scheme: e.target.value as 'http' | 'https' }, 'via-scheme')}
        >
          <option value="http">http</option>
          <option value="https">https</option>
        </select>
      </Field>
    </div>
  );
}
