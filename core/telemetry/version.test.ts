import { describe, expect, it } from 'vitest';
import { compareVersions, highestVersion, isOutdated } from './version';

describe('versions', () => {
  it('compares numerically, with pre-releases before their release', () => {
    expect(compareVersions('4.9.2', '4.12.0')).toBeLessThan(0);
    expect(compareVersions('v4.12', '4.12.0')).toBe(0);
    expect(compareVersions('4.12.0-beta.2', '4.12.0')).toBeLessThan(0);
    expect(compareVersions('2024.11.3 (812)', '2024.9')).toBeGreaterThan(0);
    expect(compareVersions('nightly', '1.0')).toBeNull();
  });

  it('flags outdated only against a known, readable latest version', () => {
    expect(isOutdated('4.9.2', '4.12.0')).toBe(true);
    expect(isOutdated('4.12.0', '4.12.0')).toBe(false);
    expect(isOutdated('4.9.2', null)).toBe(false);
    expect(isOutdated('custom-build', '4.12.0')).toBe(false);
  });

  it('highestVersion ignores what does not parse', () => {
    expect(highestVersion(['4.9.2', 'dev', '4.12.0', '4.10.1'])).toBe('4.12.0');
    expect(highestVersion(['dev'])).toBeNull();
  });
});
