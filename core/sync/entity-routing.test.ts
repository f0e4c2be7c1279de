import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_RULES } from '../routing/rules';
import type { ApplyContext } from './apply-types';
import { applyEntityMutation, entityKey, entityReads } from './entity-mutations';

const ada: ApplyContext = { now: 7_000, actor: { id: 'u-ada', role: 'admin' } };
const sam: ApplyContext = { now: 7_000, actor: { id: 'u-sam', role: 'supervisor' } };
const squads = [
  { squadId: 'sq-a', name: 'Alpha', productAreas: ['payments', 'refunds'] },
  { squadId: 'sq-b', name: 'Beta', productAreas: ['orders'] },
];
const existing = new Map([
  [entityKey('squad', 'sq-a'), { id: 'sq-a', name: 'Old', productAreas: ['payments'] }],
]);

describe('routing.save', () => {
  it('reads the rules row and every squad it names', () => {
    expect(
      entityReads('routing.save', { rules: { ...DEFAULT_ROUTING_RULES, fallbackSquadId: 'sq-z' }, squads }),
    ).toEqual([
      { kind: 'routing_rules', id: 'default' },
      { kind: 'squad', id: 'sq-a' },
      { kind: 'squad', id: 'sq-b' },
      { kind: 'squad', id: 'sq-z' },
    ]);
  });

  it('writes the squads and the rules, stamped with the admin and server time', () => {
    const rules = { ...DEFAULT_ROUTING_RULES, strategy: 'round_robin' as const, fallbackSquadId: 'sq-a' };
    const out = applyEntityMutation('routing.save', { rules, squads }, existing, ada);
    expect(out).toEqual({
      status: 'applied',
      writes: [
        {
          kind: 'squad',
          id: 'sq-a',
          data: { id: 'sq-a', name: 'Alpha', productAreas: ['payments', 'refunds'] },
        },
        { kind: 'squad', id: 'sq-b', data: { id: 'sq-b', name: 'Beta', productAreas: ['orders'] } },
        {
          kind: 'routing_rules',
          id: 'default',
          data: { ...rules, id: 'default', updatedBy: 'u-ada', updatedAt: 7_000 },
        },
      ],
    });
  });

  it('is for admins only', () => {
    expect(
      applyEntityMutation('routing.save', { rules: DEFAULT_ROUTING_RULES, squads }, existing, sam),
    ).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
  });

  it('refuses an area owned by two squads, a squad listed twice, and an unknown fallback squad', () => {
    const clash = [...squads, { squadId: 'sq-c', name: 'Gamma', productAreas: ['orders'] }];
    expect(
      applyEntityMutation('routing.save', { rules: DEFAULT_ROUTING_RULES, squads: clash }, existing, ada),
    ).toEqual({
      status: 'rejected',
      code: 'invalid_args',
      reason: 'orders cannot belong to both Beta and Gamma.',
    });
    const twice = [squads[0], squads[0]];
    expect(
      applyEntityMutation('routing.save', { rules: DEFAULT_ROUTING_RULES, squads: twice }, existing, ada),
    ).toMatchObject({
      code: 'invalid_args',
    });
    const unknown = { ...DEFAULT_ROUTING_RULES, fallbackSquadId: 'sq-nope' };
    expect(applyEntityMutation('routing.save', { rules: unknown, squads }, existing, ada)).toMatchObject({
      status: 'rejected',
      code: 'unknown_squad',
    });
  });

  it('refuses malformed rules with the field named', () => {
    const out = applyEntityMutation(
      'routing.save',
      { rules: { ...DEFAULT_ROUTING_RULES, strategy: 'random' }, squads },
      existing,
      ada,
    );
    expect(out).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(out.status === 'rejected' && out.reason).toMatch(/^rules\.strategy/);
  });
});
