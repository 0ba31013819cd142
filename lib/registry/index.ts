// lib/registry: OCI distribution client, tag → digest, and the expected digest of a container.
export { RegistryClient, manifestAccept, type DigestResult } from './registry-client';
export {
  registryConfigFromEnv,
  clustersServingRegistry,
  viaEndpoint,
  type RegistryConfig,
  type RegistryCredentials,
} from './registry-config';
export { parseChallenge } from './bearer-challenge';
export { expectedImagesFor, expectedDigestAnnotation } from './expected-images';
