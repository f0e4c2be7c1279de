import { describe, expect, it } from 'vitest';
import { OnlineAgents } from './online-agents';

describe('OnlineAgents', () => {
  it('counts a user online while any of their streams is open, per workspace', () => {
    const p = new OnlineAgents();
    const tab1 = p.connect('ws1', 'ava');
    const tab2 = p.connect('ws1', 'ava');
    p.connect('ws2', 'ben');
    expect(p.online('ws1')).toEqual(new Set(['ava']));
    tab1();
    tab1(); // a close reported twice does not take the other tab down
    expect(p.online('ws1')).toEqual(new Set(['ava']));
    tab2();
    expect(p.online('ws1')).toEqual(new Set());
    expect(p.online('ws2')).toEqual(new Set(['ben']));
  });
});
