import { describe, expect, it } from 'vitest';
import { applyView, BUILT_IN_VIEWS, parseQuery } from './index';
import { ids, TICKETS, testContext } from './test-support';
import { searchTerms, tokenize } from './terms';

describe('parseQuery', () => {
  it('reads the qualifiers of the search box example', () => {
    expect(
      parseQuery(
        'refund is:open priority:urgent tag:vip channel:chat tier:enterprise assignee:me state:escalated',
      ),
    ).toEqual({
      text: 'refund',
      openOnly: true,
      priorities: ['urgent'],
      tags: ['vip'],
      channels: ['chat'],
      tiers: ['Enterprise'],
      assignee: 'me',
      states: ['escalated'],
    });
  });

  it('sets only the fields the query names, so it can be spread over a view filter', () => {
    expect(parseQuery('')).toEqual({});
    expect(parseQuery('   ')).toEqual({});
    expect(parseQuery('refund')).toEqual({ text: 'refund' });
    expect(parseQuery('priority:high')).toEqual({ priorities: ['high'] });
    expect(Object.keys(parseQuery('tag:vip'))).toEqual(['tags']);
  });

  it('keeps unknown qualifiers in the text, as typed', () => {
    expect(parseQuery('refund foo:bar')).toEqual({ text: 'refund foo:bar' });
    expect(parseQuery('is:snoozed priority:urgent')).toEqual({ text: 'is:snoozed', priorities: ['urgent'] });
    expect(parseQuery('https://spark.example/x')).toEqual({ text: 'https://spark.example/x' });
  });

  it('keeps a known qualifier with a value that fits nothing in the text', () => {
    expect(parseQuery('priority:critical')).toEqual({ text: 'priority:critical' });
    expect(parseQuery('state:open tier:gold')).toEqual({ text: 'state:open tier:gold' });
    // Half-understood lists are not applied by half.
    expect(parseQuery('priority:urgent,critical')).toEqual({ text: 'priority:urgent,critical' });
  });

  it('keeps quoted phrases whole, quotes included, for the text matcher', () => {
    expect(parseQuery('"double charge" refund')).toEqual({ text: '"double charge" refund' });
    expect(parseQuery('tag:vip "double charge"')).toEqual({ text: '"double charge"', tags: ['vip'] });
    // A colon inside quotes is text, not a qualifier.
    expect(parseQuery('"priority:urgent"')).toEqual({ text: '"priority:urgent"' });
    expect(parseQuery('"error: 502"')).toEqual({ text: '"error: 502"' });
  });

  it('reads quoted qualifier values', () => {
    expect(parseQuery('state:"waiting on customer"')).toEqual({ states: ['waiting_on_customer'] });
    expect(parseQuery('tag:"needs review"')).toEqual({ tags: ['needs review'] });
  });

  it('is case-insensitive in names and values', () => {
    expect(parseQuery('Priority:URGENT TIER:smb Is:Open')).toEqual({
      priorities: ['urgent'],
      tiers: ['SMB'],
      openOnly: true,
    });
    expect(parseQuery('tag:VIP')).toEqual({ tags: ['vip'] });
  });

  it('accepts state spellings with dashes or spaces, and status: as a synonym', () => {
    expect(parseQuery('state:in-progress')).toEqual({ states: ['in_progress'] });
    expect(parseQuery('status:waiting_on_customer')).toEqual({ states: ['waiting_on_customer'] });
  });

  it('accepts a unique prefix while a value is being typed, not an ambiguous one', () => {
    expect(parseQuery('priority:urg')).toEqual({ priorities: ['urgent'] });
    expect(parseQuery('state:wait')).toEqual({ states: ['waiting_on_customer'] });
    expect(parseQuery('tier:ent')).toEqual({ tiers: ['Enterprise'] });
    expect(parseQuery('channel:p')).toEqual({ text: 'channel:p' }); // phone or portal
  });

  it('ignores a qualifier with nothing after the colon yet', () => {
    expect(parseQuery('refund priority:')).toEqual({ text: 'refund' });
    expect(parseQuery('tag: assignee:')).toEqual({});
  });

  it('collects several values: comma lists and repeats', () => {
    expect(parseQuery('priority:urgent,high')).toEqual({ priorities: ['urgent', 'high'] });
    expect(parseQuery('priority:urgent priority:high priority:urgent')).toEqual({
      priorities: ['urgent', 'high'],
    });
    expect(parseQuery('tag:vip tag:refunds')).toEqual({ tags: ['vip', 'refunds'] });
    expect(parseQuery('channel:chat,email state:new,triaged')).toEqual({
      channels: ['chat', 'email'],
      states: ['new', 'triaged'],
    });
  });

  it('reads assignee:me, assignee:none and user ids; me/none replace, ids add up', () => {
    expect(parseQuery('assignee:none')).toEqual({ assignee: 'unassigned' });
    expect(parseQuery('assignee:unassigned')).toEqual({ assignee: 'unassigned' });
    expect(parseQuery('is:unassigned')).toEqual({ assignee: 'unassigned' });
    expect(parseQuery('assignee:u-ava assignee:u-sam,u-ava')).toEqual({ assignee: ['u-ava', 'u-sam'] });
    expect(parseQuery('assignee:u-ava assignee:me')).toEqual({ assignee: 'me' });
    expect(parseQuery('assignee:me assignee:u-ava')).toEqual({ assignee: ['u-ava'] });
  });

  it('reads squad ids', () => {
    expect(parseQuery('squad:sq-payments,sq-orders')).toEqual({ squadIds: ['sq-payments', 'sq-orders'] });
  });

  it('tolerates an unclosed quote (still being typed)', () => {
    expect(parseQuery('refund "double char')).toEqual({ text: 'refund "double char' });
    expect(searchTerms('refund "double char')).toEqual(['refund', 'double char']);
  });

  it('drives applyView end to end, on top of a view', () => {
    const allOpen = BUILT_IN_VIEWS[0]!;
    const run = (q: string) =>
      ids(
        applyView(
          TICKETS,
          { filter: { ...allOpen.filter, ...parseQuery(q) }, sort: allOpen.sort },
          testContext(),
        ),
      );
    expect(run('refund')).toEqual(['t1']);
    expect(run('"double charge" assignee:me')).toEqual(['t2']);
    expect(run('tier:enterprise priority:urgent,high')).toEqual(['t8', 't1']);
    expect(run('lovelace tag:VIP')).toEqual(['t1']);
    expect(run('state:closed')).toEqual([]); // the view is open-only
    expect(run('foo:bar')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('splits on whitespace except inside quotes', () => {
    expect(tokenize(' a  "b c"\tkey:"d e" ').map((t) => t.raw)).toEqual(['a', '"b c"', 'key:"d e"']);
  });

  it('recognises key:value only for word-like keys before any quote', () => {
    expect(tokenize('tag:vip')[0]).toEqual({ raw: 'tag:vip', key: 'tag', value: 'vip' });
    expect(tokenize(':vip')[0]?.key).toBeNull();
    expect(tokenize('10:30')[0]?.key).toBeNull();
    expect(tokenize('"a:b"')[0]?.key).toBeNull();
  });
});

describe('searchTerms', () => {
  it('lower-cases, keeps phrases whole, drops blanks and repeats', () => {
    expect(searchTerms('Refund "Double   Charge" refund ""')).toEqual(['refund', 'double charge']);
    expect(searchTerms('foo:"Bar Baz"')).toEqual(['foo:bar baz']);
  });
});
