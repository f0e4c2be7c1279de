import { describe, expect, it } from 'vitest';
import { makeTicket } from '../tickets/test-factory';
import type { Macro } from './model';
import { prepareMacro } from './prepare';
import { placeholderValues } from './render';

const values = placeholderValues({
  ticket: { ref: 'SD-1', subject: 's' },
  customer: { name: 'Lee Park', email: 'lee@example.com', company: '' },
  agentName: 'Ava Stone',
  slaDueAt: null,
  formatTime: String,
});
const macro: Macro = {
  id: 'm',
  name: 'Wait',
  description: '',
  body: 'Hi {{customer.first_name}}, {{customer.company}}',
  actions: [{ type: 'set_state', state: 'waiting_on_customer' }],
  productArea: null,
  intent: null,
};

describe('prepareMacro', () => {
  it('renders and plans a macro that can be applied', () => {
    const out = prepareMacro(macro, makeTicket({ state: 'in_progress' }), values);
    expect([out.text, out.empty, out.blocked, out.plan?.changes]).toEqual([
      'Hi Lee, ',
      ['customer.company'],
      null,
      [{ field: 'state', from: 'in_progress', to: 'waiting_on_customer' }],
    ]);
  });

  it('blocks on unknown placeholders and on a refused state change, naming both', () => {
    const out = prepareMacro({ ...macro, body: '{{order.id}}' }, makeTicket({ state: 'closed' }), values);
    expect(out.plan).toBeNull();
    expect(out.blocked).toMatch(
      /^Unknown placeholder \{\{order\.id\}\}: fix the macro before using it\. "Wait" cannot/,
    );
  });
});
