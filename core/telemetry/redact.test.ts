import { describe, expect, it } from 'vitest';
import {
  describeRedactions,
  luhnValid,
  noRedactions,
  redactContext,
  redactText,
  totalRedactions,
} from './redact';

function run(text: string) {
  const counts = noRedactions();
  return { out: redactText(text, counts), counts };
}

describe('redactText', () => {
  it('redacts emails, counting each', () => {
    const { out, counts } = run('contact ana.perez+spark@mail.example.co.uk or bob@x.io');
    expect(out).toBe('contact [email redacted] or [email redacted]');
    expect(counts.email).toBe(2);
  });

  it('redacts card numbers only when they pass the Luhn check, keeping the last four', () => {
    const { out, counts } = run(
      'card 4242 4242 4242 4242, also 5555-5555-5555-4444; not 4242 4242 4242 4241',
    );
    expect(out).toBe(
      'card [card redacted •••• 4242], also [card redacted •••• 4444]; not 4242 4242 4242 4241',
    );
    expect(counts.card).toBe(2);
  });

  it('leaves order numbers, ids, versions, dates, IPs and epoch times alone', () => {
    const text =
      'order ORD-2291-7730 #48213377 v4.12.0 on 2026-11-23 from 192.168.100.200 at 1732370000000 req-8812-3349-1120 id 550e8400-e29b-41d4-a716-446655440000';
    const { out, counts } = run(text);
    expect(out).toBe(text);
    expect(totalRedactions(counts)).toBe(0);
  });

  it('redacts phone numbers in international and grouped forms', () => {
    const { out, counts } = run('call +44 20 7946 0958 or (415) 555-0132 or 030 901820 11');
    expect(out).toBe('call [phone redacted] or [phone redacted] or [phone redacted]');
    expect(counts.phone).toBe(3);
  });

  it('redacts bearer tokens, JWTs and well-known API keys', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const { out, counts } = run(
      `Authorization: Bearer abcdef1234567890XYZ; jwt ${jwt}; stripe sk_live_51HxYz12345678; aws AKIAIOSFODNN7EXAMPLE`,
    );
    expect(out).not.toMatch(/abcdef1234567890XYZ|eyJhbGci|sk_live_51|AKIAIOSFODNN7/);
    expect(counts.token).toBe(4);
  });

  it('redacts passwords and secrets in query strings, form bodies and JSON text', () => {
    const { out, counts } = run(
      '/login?user=ana&password=hunter2&next=/home then {"pwd":"s3cret!"} and ?access_token=tok123&page=2',
    );
    expect(out).toBe(
      '/login?user=ana&password=[password redacted]&next=/home then {"pwd":"[password redacted]"} and ?access_token=[token redacted]&page=2',
    );
    expect(counts.password).toBe(2);
    expect(counts.token).toBe(1);
  });

  it('counts a bearer token once even when it is also a named value', () => {
    const { counts } = run('authorization: Bearer abcdefghijklmnop');
    expect(counts.token).toBe(1);
  });
});

describe('redactContext', () => {
  it('drops values under secret-looking keys and redacts the other strings', () => {
    const counts = noRedactions();
    const out = redactContext(
      { authToken: 'abc', userPassword: 'x', email: 'a@b.io', retry: 2, ok: true, note: null },
      counts,
    );
    expect(out).toEqual({
      authToken: '[token redacted]',
      userPassword: '[password redacted]',
      email: '[email redacted]',
      retry: 2,
      ok: true,
      note: null,
    });
    expect(counts).toEqual({ email: 1, phone: 0, card: 0, token: 1, password: 1 });
  });
});

describe('luhnValid', () => {
  it('accepts valid and refuses invalid numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
  });
});

describe('redactText on large input', () => {
  it('stays linear on long runs with nothing to redact (no catastrophic backtracking)', () => {
    const text = `${'a'.repeat(400_000)} ${'1'.repeat(200_000)} ${'x.'.repeat(100_000)}`;
    const started = performance.now();
    const { out } = run(text);
    expect(out).toBe(text);
    // Generous: a quadratic pattern takes minutes here, a linear one milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('describeRedactions', () => {
  it('names each kind found, singular or plural, and nothing for none', () => {
    expect(describeRedactions({ email: 2, phone: 0, card: 1, token: 0, password: 3 })).toBe(
      '2 email addresses, 1 card number, 3 passwords',
    );
    expect(describeRedactions(noRedactions())).toBe('');
  });
});
