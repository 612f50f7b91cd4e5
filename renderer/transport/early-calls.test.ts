import { describe, expect, test } from 'vitest';
import { FakeTransport } from '../test-support/fake-transport';
import { EARLY_ANSWER_MS, withEarlyCalls } from './early-calls';

function fixture() {
  const fake = new FakeTransport().on('settings.get', () => ({}) as never);
  return { fake, transport: withEarlyCalls(fake) };
}

describe('calls sent early', () => {
  test('the first matching call takes the early answer; later ones go to the host', async () => {
    const { fake, transport } = fixture();
    transport.sendEarly([{ name: 'settings.get', input: {} }]);
    expect(fake.calls).toHaveLength(1);
    await expect(transport.invoke('settings.get', {})).resolves.toMatchObject({ ok: true });
    expect(fake.calls).toHaveLength(1);
    await transport.invoke('settings.get', {});
    expect(fake.calls).toHaveLength(2);
  });

  test('inputs match whatever the order of their keys; another input is its own call', async () => {
    const { fake, transport } = fixture();
    transport.sendEarly([{ name: 'sources.headline', input: { id: 'a', from: 'cache' } }]);
    await transport.invoke('sources.headline', { id: 'b', from: 'cache' });
    expect(fake.calls).toHaveLength(2);
    await transport.invoke('sources.headline', { from: 'cache', id: 'a' });
    expect(fake.calls).toHaveLength(2);
  });

  test('an early answer nobody asked for in time is not handed to a later read', async () => {
    const fake = new FakeTransport().on('settings.get', () => ({}) as never);
    let clock = 0;
    const transport = withEarlyCalls(fake, () => clock);
    transport.sendEarly([{ name: 'settings.get', input: {} }]);
    clock = EARLY_ANSWER_MS;
    await transport.invoke('settings.get', {});
    expect(fake.calls).toHaveLength(2);
  });

  test('the same call sent twice early goes out once', () => {
    const { fake, transport } = fixture();
    transport.sendEarly([
      { name: 'settings.get', input: {} },
      { name: 'settings.get', input: {} },
    ]);
    expect(fake.calls).toHaveLength(1);
  });

  test('events, downloads and pickers pass through to the transport', () => {
    const { transport } = fixture();
    expect(transport.mode).toBe('browser');
    expect(typeof transport.subscribe(['x'], () => undefined)).toBe('function');
    expect(transport.save).toBeUndefined();
  });
});
