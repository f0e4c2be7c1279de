import { describe, expect, it } from 'vitest';
import { placeholderValues, renderMacroBody } from './render';

const values = placeholderValues({
  ticket: { ref: 'SD-10042', subject: 'Payout missing' },
  customer: { name: 'Maria José Lopez', email: 'maria@example.com', company: '' },
  agentName: 'Ava Stone',
  slaDueAt: 1_000,
  formatTime: (ms) => `at ${ms}`,
});

describe('renderMacroBody', () => {
  it('fills every known placeholder, with or without inner spaces', () => {
    const out = renderMacroBody(
      'Hi {{customer.first_name}}, about {{ ticket.ref }} ({{ticket.subject}}): due {{sla.due}}. — {{agent.first_name}} / {{agent.name}} <{{customer.email}}>',
      values,
    );
    expect(out).toEqual({
      text: 'Hi Maria, about SD-10042 (Payout missing): due at 1000. — Ava / Ava Stone <maria@example.com>',
      unknown: [],
      empty: [],
    });
  });

  it('reports unknown placeholders once each and leaves them visible', () => {
    const out = renderMacroBody('{{customer.nickname}} {{order.id}} {{customer.nickname}}', values);
    expect(out.unknown).toEqual(['customer.nickname', 'order.id']);
    expect(out.text).toBe('{{customer.nickname}} {{order.id}} {{customer.nickname}}');
  });

  it('renders known placeholders without a value empty and reports them', () => {
    const noSla = placeholderValues({
      ticket: { ref: 'SD-1', subject: 's' },
      customer: undefined,
      agentName: 'Ava',
      slaDueAt: null,
      formatTime: String,
    });
    const out = renderMacroBody('[{{customer.company}}][{{sla.due}}][{{customer.first_name}}]', noSla);
    expect(out.text).toBe('[][][]');
    expect(out.empty).toEqual(['customer.company', 'sla.due', 'customer.first_name']);
  });

  it('leaves text without placeholders alone, including single braces', () => {
    expect(renderMacroBody('a {b} {{}} c', values)).toEqual({
      text: 'a {b} {{}} c',
      unknown: [''],
      empty: [],
    });
  });
});
