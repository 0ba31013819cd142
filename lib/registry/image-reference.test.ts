import { describe, expect, it } from 'vitest';
import { parseImageReference } from './image-reference';
import { parseChallenge } from './bearer-challenge';

describe('parseImageReference', () => {
  it('puts single-name Docker Hub images under library/ and defaults the tag to latest', () => {
    expect(parseImageReference('nginx')).toEqual({
      host: 'docker.io',
      repository: 'library/nginx',
      tag: 'latest',
      digest: undefined,
    });
  });

  it('keeps registry hosts with ports and digests', () => {
    expect(parseImageReference('localhost:5000/team/api:1.2@sha256:abc')).toEqual({
      host: 'localhost:5000',
      repository: 'team/api',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(parseImageReference('docker.io/grafana/grafana:10').repository).toBe('grafana/grafana');
  });
});

describe('parseChallenge', () => {
  it('reads the realm, service and scope of a bearer challenge', () => {
    const header =
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"';
    expect(parseChallenge(header)).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/nginx:pull',
      },
    });
  });
});
