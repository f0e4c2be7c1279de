/** 100k tickets must generate (timing lives in benchmarks, not here). */
import { describe, expect, it } from 'vitest';
import { demoSources } from './sources.fixture';
import { createDemoWorld, generateTicketChunks, generateWorkspace } from './index';

const sources = demoSources;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('demo at scale', () => {
  it('generates a 100k-ticket workspace', { timeout: 120_000 }, () => {
    const demo = generateWorkspace({ seed: 'bench', tickets: 100_000, now: NOW, sources });
    expect(demo.tickets).toHaveLength(100_000);
    expect(demo.tickets.at(-1)?.ref).toBe('SD-110000');
    expect(new Set(demo.tickets.map((t) => t.ref)).size).toBe(100_000);
    const perTicket = demo.messages.length / demo.tickets.length;
    expect(perTicket).toBeGreaterThan(2);
    expect(perTicket).toBeLessThan(4);
  });

  it('streams 100k tickets in chunks', { timeout: 120_000 }, () => {
    const world = createDemoWorld({ seed: 'bench', tickets: 100_000, now: NOW, sources });
    let count = 0;
    for (const chunk of generateTicketChunks(world, 10_000)) count += chunk.tickets.length;
    expect(count).toBe(100_000);
  });
});
