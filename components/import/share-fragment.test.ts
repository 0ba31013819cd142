import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment } from './share-fragment';

describe('share fragment', () => {
  it('round-trips pasted files through the URL fragment', async () => {
    const files = [
      { name: 'pasted.txt', text: 'Name: auth-7c9f6d-x2k4p\nStatus: Running\n' },
      { name: 'log.txt', text: 'Error: missing required env AUTH_JWKS_URL ✖\n'.repeat(50) },
    ];
    const fragment = await encodeFragment(files);
    expect(fragment).toMatch(/^d=[A-Za-z0-9_-]+$/);
    expect(await decodeFragment(`#${fragment}`)).toEqual(files);
  });

  it('answers undefined for a damaged or missing fragment instead of throwing', async () => {
    expect(await decodeFragment('')).toBeUndefined();
    expect(await decodeFragment('#d=not-deflate')).toBeUndefined();
  });
});
