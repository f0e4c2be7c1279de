import type { PlannedMutation } from '../../../../core/macros';
import type { ConsoleStore } from '../../data/types';

/** Queues a macro's planned mutations as one outbox step: all of them are kept, in order, or none. */
export async function queuePlanned(
  store: ConsoleStore,
  mutations: readonly PlannedMutation[],
): Promise<void> {
  await store.mutateMany(mutations.map((m) => ({ name: m.name, args: m.args, base: m.base })));
}
