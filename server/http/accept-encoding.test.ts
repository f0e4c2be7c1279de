import { describe, expect, it } from 'vitest';
import { acceptsGzip, acceptsType } from './accept-encoding';

describe('acceptsGzip', () => {
  it('accepts gzip named with a non-zero weight, or its x-gzip alias', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true); // Chromium
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
  });

  it('refuses no header, identity, other codings, and gzip at weight 0', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, *')).toBe(false);
    expect(acceptsGzip('gzip;q=nonsense')).toBe(false);
  });

  it('takes * for gzip when gzip is not named', () => {
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
  });
});

describe('acceptsType', () => {
  const type = 'application/vnd.spark.pull-page+gzip';
  it('accepts the type named, in any case, among others, with a non-zero weight', () => {
    expect(acceptsType(type, type)).toBe(true);
    expect(acceptsType(`${type}, application/json;q=0.9`, type)).toBe(true);
    expect(acceptsType(['application/json', type.toUpperCase()], type)).toBe(true);
  });

  it('refuses no header, wildcards, other types and weight 0', () => {
    expect(acceptsType(undefined, type)).toBe(false);
    expect(acceptsType('*/*', type)).toBe(false);
    expect(acceptsType('application/*', type)).toBe(false);
    expect(acceptsType('application/json', type)).toBe(false);
    expect(acceptsType(`${type};q=0`, type)).toBe(false);
  });
});
