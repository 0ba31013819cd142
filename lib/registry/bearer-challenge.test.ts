import { describe, expect, it } from 'vitest';
import { parseChallenge } from './bearer-challenge';

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
