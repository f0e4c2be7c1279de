import type { PlannedMutation } from '../../../../core/macros';
import type { ConsoleStore } from '../../data/types';

/** Queues planned mutations in order through the outbox (one switch so each name keeps its own args type). */
export async function queuePlanned(
  store: ConsoleStore,
  mutations: readonly PlannedMutation[],
): Promise<void> {
  for (const m of mutations) {
    switch (m.name) {
      case 'ticket.tags':
        await store.mutate(m.name, m.args, m.base);
        break;
      case 'ticket.set_fields':
        await store.mutate(m.name, m.args, m.base);
        break;
      case 'ticket.transition':
        await store.mutate(m.name, m.args, m.base);
        break;
    }
  }
}
