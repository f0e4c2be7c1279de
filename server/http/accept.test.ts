import { describe, expect, it } from 'vitest';
import { acceptsType } from './accept';

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
