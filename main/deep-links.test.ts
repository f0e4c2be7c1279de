import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLink } from './deep-links';

describe('deep links', () => {
  it('open a ticket by its ref', () => {
    expect(parseDeepLink('spark-console://ticket/SD-10234')).toEqual({ kind: 'ticket', ref: 'SD-10234' });
    expect(parseDeepLink('spark-console://ticket/sd-10234/')).toEqual({ kind: 'ticket', ref: 'SD-10234' });
    expect(parseDeepLink('spark-console:ticket/SD-7')).toEqual({ kind: 'ticket', ref: 'SD-7' });
  });

  it('ignore other schemes, kinds, extra segments and malformed refs', () => {
    for (const bad of [
      'https://ticket/SD-10234',
      'spark-console://settings/SD-1',
      'spark-console://ticket/SD-1/delete',
      'spark-console://ticket/',
      'spark-console://ticket/SD-1%2F..%2F',
      'spark-console://ticket/<script>',
      'spark-console://ticket/SD-' + '1'.repeat(300),
      'not a url',
    ])
      expect(parseDeepLink(bad), bad).toBeNull();
  });

  it('are found among the arguments the OS passes', () => {
    const argv = ['/opt/Spark Console/spark-console', '--no-sandbox', 'spark-console://ticket/SD-42'];
    expect(deepLinkFromArgv(argv)).toEqual({ kind: 'ticket', ref: 'SD-42' });
    expect(deepLinkFromArgv(['/opt/app', '.', '--flag'])).toBeNull();
    expect(deepLinkFromArgv(['spark-console://bogus', 'spark-console://ticket/SD-9'])).toEqual({
      kind: 'ticket',
      ref: 'SD-9',
    });
  });
});
