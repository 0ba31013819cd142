import { describe, expect, it } from 'vitest';
import { revisionOf, type WorkloadLike } from './index';

function replicaSet(revision: string | undefined): WorkloadLike {
  const annotations =
    revision === undefined ? undefined : { 'deployment.kubernetes.io/revision': revision };
  return { kind: 'ReplicaSet', metadata: { name: 'api-7c9f6d', annotations } };
}

describe('revisionOf', () => {
  it('reads the deployment.kubernetes.io/revision annotation', () => {
    expect(revisionOf(replicaSet('3'))).toBe(3);
  });

  it('knows no revision 0: the Deployment controller numbers revisions from 1', () => {
    // lib/history had its own revisionOf that stored 0 (and negative numbers) as revisions.
    expect(revisionOf(replicaSet('0'))).toBeUndefined();
    expect(revisionOf(replicaSet('-2'))).toBeUndefined();
  });

  it('reads no revision from a missing, empty or fractional annotation', () => {
    expect(revisionOf(replicaSet(undefined))).toBeUndefined();
    expect(revisionOf(replicaSet(''))).toBeUndefined();
    expect(revisionOf(replicaSet('1.5'))).toBeUndefined();
  });
});
