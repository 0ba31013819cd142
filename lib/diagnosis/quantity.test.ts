import { describe, expect, it } from 'vitest';
import { formatBytes, parseQuantity } from './index';

describe('parseQuantity', () => {
  it('reads binary, decimal SI and exponent quantities', () => {
    expect(parseQuantity('256Mi')).toBe(256 * 2 ** 20);
    expect(parseQuantity('12345Ki')).toBe(12345 * 1024);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('1e9')).toBe(1e9);
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('.5Gi')).toBe(2 ** 29);
  });

  it('knows every unit of the grammar and only those', () => {
    // lib/k8s had its own memory parser: it read `1K` as 1000 and did not know Pi, Ei, P, E or m.
    expect(parseQuantity('1K')).toBeUndefined();
    expect(parseQuantity('1Pi')).toBe(2 ** 50);
    expect(parseQuantity('2E')).toBe(2e18);
    expect(parseQuantity('1Ki5')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('writes binary units the way people read them', () => {
    expect(formatBytes(81 * 2 ** 20)).toBe('81Mi');
    expect(formatBytes(1.5 * 2 ** 30)).toBe('1.5Gi');
    expect(formatBytes(512)).toBe('512B');
  });
});
