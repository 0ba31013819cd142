import { describe, expect, it } from 'vitest';
import { ObjectStore } from './object-store';

const pod = (uid: string, name: string, rv: string) => ({
  metadata: { uid, name, namespace: 'shop', resourceVersion: rv },
});

describe('ObjectStore', () => {
  it('keys by uid, so a pod replaced under the same name is a delete and an add', () => {
    const store = new ObjectStore();
    store.apply('*', 'ADDED', pod('u1', 'db-0', '5'));
    const changes = store.replace('*', [pod('u2', 'db-0', '9')]);
    expect(changes.map((c) => [c.type, c.object.metadata?.uid])).toEqual([
      ['added', 'u2'],
      ['deleted', 'u1'],
    ]);
  });

  it('drops replayed events by uid and resourceVersion', () => {
    const store = new ObjectStore();
    expect(store.apply('*', 'ADDED', pod('u1', 'a', '10'))?.type).toBe('added');
    expect(store.apply('*', 'MODIFIED', pod('u1', 'a', '10'))).toBeUndefined();
    expect(store.apply('*', 'MODIFIED', pod('u1', 'a', '9'))).toBeUndefined();
    expect(store.apply('*', 'MODIFIED', pod('u1', 'a', '11'))?.type).toBe('modified');
    expect(store.apply('*', 'DELETED', pod('u1', 'a', '12'))?.type).toBe('deleted');
    expect(store.apply('*', 'ADDED', pod('u1', 'a', '11'))).toBeUndefined();
  });

  it('deletes only the relisted shard’s missing objects', () => {
    const store = new ObjectStore();
    store.replace('shop', [pod('u1', 'a', '1')]);
    store.replace('pay', [pod('u2', 'b', '1')]);
    expect(store.replace('shop', []).map((c) => c.type)).toEqual(['deleted']);
    expect(store.values().map((o) => o.metadata?.uid)).toEqual(['u2']);
  });
});
