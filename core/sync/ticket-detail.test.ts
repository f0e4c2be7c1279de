import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../demo';
import { demoSources } from '../demo/sources.fixture';
import type { Ticket } from '../tickets/model';
import { isArchivedChange, isUnparsedChange } from './archive-span';
import type { Change } from './protocol';
import { detailIn, isSlim, splitTicketChange, withDetail } from './ticket-detail';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const ws = generateWorkspace({ seed: 5, tickets: 400, now: NOW, sources: demoSources });
const done = ws.tickets.find((t) => t.state === 'closed' && t.resolution !== null && t.history.length > 2);
if (!done) throw new Error('the demo has no closed ticket with a resolution');
const change = (data: unknown, syncId = 41, kind = 'ticket'): Change => ({
  kind,
  id: (data as Ticket).id,
  syncId,
  deleted: false,
  data,
});

describe('a done ticket sent slim, its detail apart', () => {
  it('splits into a slim ticket and its detail, which join back to the ticket', () => {
    const [slim, detail] = splitTicketChange(change(done));
    expect(detail).toBeDefined();
    const ticket = slim.data as Ticket;
    expect(isSlim(ticket)).toBe(true);
    expect(ticket.history).toEqual([]);
    expect(ticket.resolution).toBeNull();
    expect(JSON.stringify(ticket).length).toBeLessThan(JSON.stringify(done).length);
    // Still archived, as the done ticket it is; the detail goes to the unparsed run.
    expect(isArchivedChange(slim)).toBe(true);
    expect(isUnparsedChange(slim)).toBe(false);
    expect(isUnparsedChange(detail!)).toBe(true);
    expect(isArchivedChange(detail!)).toBe(true);
    expect({ ...detail, data: undefined }).toEqual({
      kind: 'ticketDetail',
      id: done.id,
      syncId: 41,
      deleted: false,
      data: undefined,
    });
    const joined = withDetail(ticket, detail!);
    expect(joined).toEqual(done);
    expect(isSlim(joined!)).toBe(false);
  });

  it('joins only the version it was cut from, and only a slim copy', () => {
    const [slim, detail] = splitTicketChange(change(done, 41));
    const [, otherDetail] = splitTicketChange(change(done, 77));
    expect(withDetail(slim.data as Ticket, otherDetail!)).toBeNull();
    expect(withDetail(done, detail!)).toBeNull(); // a full copy (a later version from the database) stays as it is
    expect(withDetail(slim.data as Ticket, { ...detail!, id: 'someone-else' })).toBeNull();
    expect(withDetail(slim.data as Ticket, { ...detail!, data: { resolution: null } })).toBeNull();
  });

  it('leaves alone what is not a live ticket', () => {
    const gone = { ...change(done), deleted: true };
    expect(splitTicketChange(gone)).toEqual([gone]);
    const contact: Change = { kind: 'contact', id: 'c1', syncId: 3, deleted: false, data: { id: 'c1' } };
    expect(splitTicketChange(contact)).toEqual([contact]);
  });

  it('finds one detail in a run of them without parsing the run, whatever the strings hold', () => {
    // A resolution whose text looks like the start of another change: inside a JSON
    // string its quotes are escaped, so the search cannot stop there.
    const tricky: Ticket = {
      ...done,
      id: 'tk-"odd"',
      resolution: { ...done.resolution!, rootCause: '},{"kind":"ticketDetail","id":"x" ✓' },
    };
    const others = ws.tickets.filter((t) => t.state === 'closed').slice(0, 5);
    const details = [...others, tricky].map((t, i) => splitTicketChange(change(t, 100 + i))[1]!);
    const contact = { kind: 'contact', id: 'c9', syncId: 90, deleted: false, data: { note: '{"kind":"' } };
    const run = [...details, contact].map((c) => JSON.stringify(c)).join(',');
    for (const d of details) expect(detailIn(run, d.id, d.syncId)).toEqual(d);
    expect(detailIn(run, tricky.id, 100)).toBeNull(); // that id at another version
    expect(detailIn(run, 'absent', 100)).toBeNull();
    expect(detailIn('', tricky.id, 105)).toBeNull();
  });
});
