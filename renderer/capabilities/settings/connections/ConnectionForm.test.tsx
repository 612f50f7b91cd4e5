// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { connection as connectionSchema } from '../../../../shared/model/connection';
import { failWith } from '../../../test-support/fake-transport';
import { demoTransport, mlflowView } from '../../../test-support/fixtures';
import { renderApp } from '../../../test-support/render';

const secret = 's3cret-token-value';

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openForm() {
  fireEvent.click(await screen.findByTestId('add-connection'));
  return screen.getByTestId('connection-form');
}

function fillMlflow() {
  type('field-kind', 'mlflow');
  type('field-id', 'team-registry');
  type('field-name', 'Team registry');
  type('field-trackingUri', 'https://mlflow.example.com');
  type('field-auth-type', 'bearer');
  type('field-token', secret);
}

function transport() {
  return demoTransport()
    .on('connections.test', (input) =>
      'id' in input
        ? {
            results: [
              {
                target: 'http://127.0.0.1:9090',
                result: {
                  status: 'ok',
                  latencyMs: 12,
                  message: 'Prometheus answered',
                  serverVersion: 'Prometheus 2.42.0',
                  checkedAt: new Date().toISOString(),
                },
              },
            ],
          }
        : {
            results: [
              {
                target: 'https://mlflow.example.com',
                result: {
                  status: 'unauthorized',
                  latencyMs: 42.4,
                  message: 'the server refused the token (401)',
                  checkedAt: new Date().toISOString(),
                },
              },
            ],
          },
    )
    .on('connections.save', ({ connection }) => ({
      connection: connectionSchema.parse(connection),
      origin: 'settings',
      editable: true,
      secrets: [],
    }))
    .on('connections.remove', () => ({ removed: true }));
}

describe('the connection form', () => {
  test('validates with the contract schema and shows errors next to their fields', async () => {
    const fake = transport();
    renderApp(fake, '/settings');
    await openForm();

    fireEvent.click(screen.getByTestId('form-save'));
    expect((await screen.findByTestId('field-id-error')).textContent).toBe(
      'lower-case letters, digits and dashes',
    );
    expect(screen.getByTestId('field-name-error').textContent).toBe('Required');
    expect(screen.getByTestId('field-id').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-id')));

    type('field-kind', 'mlflow');
    type('field-id', 'reg');
    type('field-name', 'Registry');
    type('field-trackingUri', 'not a url');
    fireEvent.click(screen.getByTestId('form-save'));
    expect((await screen.findByTestId('field-trackingUri-error')).textContent).toBeTruthy();
    expect(screen.queryByTestId('field-id-error')).toBeNull();

    type('field-trackingUri', 'https://mlflow.example.com');
    type('field-auth-type', 'bearer');
    fireEvent.click(screen.getByTestId('form-save'));
    expect((await screen.findByTestId('field-token-error')).textContent).toBe('Enter the token');
    expect(fake.callsOf('connections.save')).toHaveLength(0);
  });

  test('tests the draft, with the typed secret, and shows each target result', async () => {
    const fake = transport();
    renderApp(fake, '/settings');
    const form = await openForm();
    fillMlflow();

    fireEvent.click(screen.getByTestId('form-test'));
    const result = await within(form).findByTestId('test-result');
    expect(result.dataset.status).toBe('unauthorized');
    expect(result.textContent).toContain('42 ms');
    expect(result.textContent).toContain('the server refused the token (401)');
    expect(fake.callsOf('connections.test')[0]).toEqual({
      draft: {
        kind: 'mlflow',
        id: 'team-registry',
        name: 'Team registry',
        trackingUri: 'https://mlflow.example.com',
        auth: { type: 'bearer', token: { secret: 'connection/team-registry/token' } },
      },
      secrets: { token: secret },
    });
  });

  test('saves with the secret beside the connection, then keeps no copy of it', async () => {
    const fake = transport();
    const { client } = renderApp(fake, '/settings');
    await openForm();
    fillMlflow();

    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(screen.queryByTestId('connection-form')).toBeNull());
    const [saved] = fake.callsOf('connections.save');
    expect(saved?.secrets).toEqual({ token: secret });
    expect(JSON.stringify(saved?.connection)).not.toContain(secret);

    expect(document.body.innerHTML).not.toContain(secret);
    const cached = JSON.stringify([
      client
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryKey, q.state.data]),
      client
        .getMutationCache()
        .getAll()
        .map((m) => m.state.variables),
    ]);
    expect(cached).not.toContain(secret);

    await openForm();
    type('field-kind', 'mlflow');
    type('field-auth-type', 'bearer');
    expect((screen.getByTestId('field-token') as HTMLInputElement).value).toBe('');
  });

  test("the host's field errors land on the fields", async () => {
    const fake = transport().on('connections.save', () =>
      failWith({
        code: 'bad_request',
        message: 'Invalid input for connections.save',
        issues: [
          { path: 'connection.trackingUri', message: 'the host cannot resolve mlflow.example.com' },
        ],
      }),
    );
    renderApp(fake, '/settings');
    await openForm();
    fillMlflow();
    fireEvent.click(screen.getByTestId('form-save'));
    expect((await screen.findByTestId('field-trackingUri-error')).textContent).toBe(
      'the host cannot resolve mlflow.example.com',
    );
    expect(screen.getByTestId('connection-form')).toBeTruthy();
  });

  test('editing keeps the saved secret unless a new one is typed', async () => {
    const fake = transport();
    renderApp(fake, '/settings');
    fireEvent.click(await screen.findByTestId('connection-edit-registry'));
    const token = screen.getByTestId('field-token') as HTMLInputElement;
    expect(token.value).toBe('');
    expect(token.placeholder).toContain('saved');
    expect((screen.getByTestId('field-id') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(fake.callsOf('connections.save')).toHaveLength(1));
    expect(fake.callsOf('connections.save')[0]).toEqual({ connection: mlflowView.connection });
  });
});

describe('the connection list', () => {
  test('shows origin and secrets, tests a saved connection, and only editable ones have Edit/Remove', async () => {
    const fake = transport();
    renderApp(fake, '/settings');
    const metrics = await screen.findByTestId('connection-row-metrics');
    expect(within(metrics).getByText('Demo')).toBeTruthy();
    expect(within(metrics).queryByText('Edit')).toBeNull();
    const registry = screen.getByTestId('connection-row-registry');
    expect(within(registry).getByText('Settings')).toBeTruthy();
    expect(within(registry).getByText('token present')).toBeTruthy();

    fireEvent.click(screen.getByTestId('connection-test-metrics'));
    const result = await within(metrics).findByTestId('test-result');
    expect(result.dataset.status).toBe('ok');
    expect(result.textContent).toContain('12 ms');
    expect(fake.callsOf('connections.test')).toEqual([{ id: 'metrics' }]);
  });

  test('Remove asks for confirmation first', async () => {
    const fake = transport();
    renderApp(fake, '/settings');
    fireEvent.click(await screen.findByTestId('connection-remove-registry'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(fake.callsOf('connections.remove')).toHaveLength(0);
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(fake.callsOf('connections.remove')).toEqual([{ id: 'registry' }]));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
  });
});
