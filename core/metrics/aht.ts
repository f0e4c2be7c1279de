/**
 * AHT — average handle time.
 *
 * Definition (playbook): the mean of agent work time per handled contact —
 * talk + hold + after-contact work for phone, active working time for chat,
 * email and portal (see `handleTimeMs`). Targets: chat 6–12 min, phone
 * 10–20 min (`kpiTargets.aht_chat` / `aht_phone`).
 *
 * Edge cases:
 * - Abandoned contacts (`answered === false`) are excluded: no agent handled
 *   them, and counting them as 0 would pull AHT down exactly when the queue is
 *   overloaded.
 * - No handled contact (overall or in a channel) → `value: null`, not 0.
 * - Window: on `startedAt`.
 */
import { CHANNELS } from '../tickets/model';
import type { Channel } from '../tickets/model';
import type { ContactRecord } from './contact';
import { handleTimeMs } from './contact';
import type { Mean } from './stats';
import { accumulator, accumulatorsFor, addTo, meansOf, toMean } from './stats';
import type { TimeWindow } from './window';
import { inWindow } from './window';

export interface AhtResult {
  overall: Mean;
  byChannel: Record<Channel, Mean>;
}

export function averageHandleTime(contacts: Iterable<ContactRecord>, window?: TimeWindow): AhtResult {
  const overall = accumulator();
  const byChannel = accumulatorsFor(CHANNELS);
  for (const c of contacts) {
    if (!c.answered || !inWindow(c.startedAt, window)) continue;
    const ms = handleTimeMs(c);
    addTo(ms, overall, byChannel[c.channel]);
  }
  return { overall: toMean(overall), byChannel: meansOf(CHANNELS, byChannel) };
}
