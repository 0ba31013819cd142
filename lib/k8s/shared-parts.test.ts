import { describe, expect, it } from 'vitest';
import { SharedParts } from './shared-parts';

describe('SharedParts', () => {
  it('answers one frozen copy per distinct content', () => {
    const parts = new SharedParts();
    const env = () => [
      { name: 'A', value: '1' },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ];
    const first = parts.share(env());
    const second = parts.share(env());
    expect(second).toBe(first);
    expect(parts.share([{ name: 'A', value: '2' }])).not.toBe(first);
    expect(parts.size).toBe(2);
    expect(Object.isFrozen(first[1]!.valueFrom!.fieldRef)).toBe(true);
    expect(() => (first as Array<{ name: string }>).push({ name: 'C' })).toThrow(TypeError);
  });
});
