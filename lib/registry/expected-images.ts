// The digest each container is expected to run: one pinned by the team in an annotation on the
// workload (`podtrail.dev/expected-digest.<container>`), else the tag's digest in the registry now.
import type { DiagnosisInput, PodLike, WorkloadLike } from '../diagnosis';
import type { RegistryClient } from './registry-client';

/** The annotation prefix a team uses to pin the digest of a container. */
export const expectedDigestAnnotation = 'podtrail.dev/expected-digest.';

type Expected = NonNullable<DiagnosisInput['expectedImages']>;

/** Expected digests per container of a pod; owners are searched top-level workload first. */
export async function expectedImagesFor(
  pod: PodLike,
  owners: WorkloadLike[],
  registry: RegistryClient | undefined,
): Promise<Expected> {
  const expected: Expected = {};
  const annotated = [...owners].reverse().concat([{ kind: 'Pod', metadata: pod.metadata }]);
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  await Promise.all(
    containers.map(async (container) => {
      for (const object of annotated) {
        const digest = object.metadata.annotations?.[expectedDigestAnnotation + container.name];
        if (digest) {
          expected[container.name] = { digest, source: 'annotation' };
          return;
        }
      }
      if (!registry || !container.image) return;
      const result = await registry.resolve(container.image);
      if (result.digest) expected[container.name] = { digest: result.digest, source: 'registry' };
    }),
  );
  return expected;
}
