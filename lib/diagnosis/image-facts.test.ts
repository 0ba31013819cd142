import { describe, expect, it } from 'vitest';
import { parseImageID, parseImageRef } from './index';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('image facts', () => {
  it('normalises Docker Hub names', () => {
    expect(parseImageRef('nginx')).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: 'latest',
      digest: undefined,
    });
    expect(parseImageRef('localhost:5000/app:1.0@' + DIGEST)).toMatchObject({
      registry: 'localhost:5000',
      repository: 'app',
      tag: '1.0',
      digest: DIGEST,
    });
    expect(parseImageRef('docker.io/grafana/grafana:10').repository).toBe('grafana/grafana');
    expect(parseImageRef('index.docker.io/nginx:1.27').registry).toBe('docker.io');
  });
  it('reads an image pasted with white space around it as the image itself', () => {
    // lib/registry's own parser (now gone) kept the spaces: `library/ nginx`, tag `1.27 `.
    expect(parseImageRef(' nginx:1.27\n')).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.27',
      digest: undefined,
    });
  });
  it('reads the digest from containerd, docker-pullable and docker imageIDs', () => {
    expect(parseImageID(`docker.io/library/nginx@${DIGEST}`)).toEqual({
      repository: 'docker.io/library/nginx',
      digest: DIGEST,
    });
    expect(parseImageID(`docker-pullable://nginx@${DIGEST}`).digest).toBe(DIGEST);
    expect(parseImageID(`docker://${DIGEST}`)).toEqual({ localId: DIGEST });
    expect(parseImageID('')).toEqual({});
  });
});
