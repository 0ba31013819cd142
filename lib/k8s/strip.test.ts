import { describe, expect, it } from 'vitest';
import { stripObject } from './strip';

describe('stripObject', () => {
  it('drops managedFields and the last-applied annotation without touching the input', () => {
    const pod = {
      metadata: {
        name: 'api-1',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'yes' },
      },
    };
    const stripped = stripObject(pod);
    expect(stripped).toEqual({ metadata: { name: 'api-1', annotations: { keep: 'yes' } } });
    expect(pod.metadata.managedFields).toHaveLength(1);
  });
});
