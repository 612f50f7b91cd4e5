// Event streams from the host to every connected renderer. Payloads are validated against the
// contract before they leave, so a renderer never receives a shape it was not promised.
import { events, type EventPayload, type EventTopic } from '../../../shared/contract';
import type { Logger } from '../log/logger';

export type EventListener = (topic: EventTopic, payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly log: Logger) {}

  emit<T extends EventTopic>(topic: T, payload: EventPayload<T>): void {
    const parsed = events[topic].payload.safeParse(payload);
    if (!parsed.success) {
      this.log.error(
        { topic, issues: parsed.error.issues },
        'dropped an event that breaks the contract',
      );
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(topic, parsed.data);
      } catch (error) {
        this.log.warn({ topic, err: error }, 'an event listener failed');
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
