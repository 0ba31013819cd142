// zod schemas of route parameters.
import { z } from 'zod';

const name = z.string().min(1).max(253);

/** ?cluster&namespace&severity of the board. */
export const boardQuerySchema = z.object({
  cluster: name.optional(),
  namespace: name.optional(),
  severity: z.enum(['critical', 'warning', 'info']).optional(),
});

/** [cluster]/[namespace]/[pod] path segments. */
export const podParamsSchema = z.object({ cluster: name, namespace: name, pod: name });

/** ?container&previous of a log. */
export const logQuerySchema = z.object({
  container: name,
  previous: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** [cluster]/[namespace]/[kind]/[name] path segments. */
export const workloadParamsSchema = z.object({
  cluster: name,
  namespace: name,
  kind: z.enum([
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'Job',
    'ReplicaSet',
    'deployment',
    'statefulset',
    'daemonset',
    'job',
    'replicaset',
  ]),
  name,
});

/** Body of POST /api/diagnose. */
export const diagnoseBodySchema = z.object({
  files: z
    .array(z.object({ name: z.string().max(255).default('pasted'), text: z.string() }))
    .min(1)
    .max(20),
});

/** ?scope=board|pod&cluster&namespace&pod of the stream. */
export const streamQuerySchema = z.discriminatedUnion('scope', [
  boardQuerySchema.extend({ scope: z.literal('board') }),
  z.object({ scope: z.literal('pod'), cluster: name, namespace: name, pod: name }),
]);

/** How many scopes one shared stream may follow (a browser's open Podtrail tabs). */
export const maxFollows = 64;
