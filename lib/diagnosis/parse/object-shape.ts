// The shapes a pasted Pod or Event must have before diagnosis reads it (zod): every field the
// diagnosis reads has the type the API gives it, unknown fields pass through. A JSON or YAML
// document of another shape (a phase that is a number, containers that are not a list) is
// refused with the field that is wrong, instead of being read as a strange pod.
import { z } from 'zod';
import type { EventLike, PodLike } from '../types';
import { RefusedInputError } from './input-guard';

const text = z.string().optional();
const time = z.union([z.string(), z.date(), z.null()]).optional();
// YAML reads an unquoted `memory: 512` as a number; the API would print a string.
const quantity = z.union([z.string(), z.number()]);
const resources = z
  .looseObject({
    limits: z.record(z.string(), quantity).nullable().optional(),
    requests: z.record(z.string(), quantity).nullable().optional(),
  })
  .nullable()
  .optional();

const state = z.looseObject({
  waiting: z.looseObject({ reason: text, message: text }).nullable().optional(),
  running: z.looseObject({ startedAt: time }).nullable().optional(),
  terminated: z
    .looseObject({
      exitCode: z.number(),
      signal: z.number().optional(),
      reason: text,
      message: text,
      startedAt: time,
      finishedAt: time,
      containerID: text,
    })
    .nullable()
    .optional(),
});

// A name may be missing from a fragment or a paste cut short; when present it is a string.
const containerStatus = z.looseObject({
  name: text,
  image: text,
  imageID: text,
  containerID: text,
  ready: z.boolean().optional(),
  started: z.boolean().nullable().optional(),
  restartCount: z.number().int().min(0).optional(),
  state: state.nullable().optional(),
  lastState: state.nullable().optional(),
});

const container = z.looseObject({
  name: text,
  image: text,
  command: z.array(z.string()).nullable().optional(),
  args: z.array(z.string()).nullable().optional(),
  env: z
    .array(z.looseObject({ name: z.string() }))
    .nullable()
    .optional(),
  resources,
});

const meta = z
  .looseObject({
    name: text,
    namespace: text,
    uid: text,
    labels: z.record(z.string(), z.string()).nullable().optional(),
    annotations: z.record(z.string(), z.string()).nullable().optional(),
    creationTimestamp: time,
  })
  .optional();

const podSchema = z.looseObject({
  metadata: meta,
  spec: z
    .looseObject({
      containers: z.array(container).optional(),
      initContainers: z.array(container).nullable().optional(),
      restartPolicy: text,
      nodeName: text,
    })
    .nullable()
    .optional(),
  status: z
    .looseObject({
      phase: text,
      reason: text,
      message: text,
      startTime: time,
      conditions: z
        .array(z.looseObject({ type: z.string(), status: z.string() }))
        .nullable()
        .optional(),
      containerStatuses: z.array(containerStatus).nullable().optional(),
      initContainerStatuses: z.array(containerStatus).nullable().optional(),
    })
    .nullable()
    .optional(),
});

const eventSchema = z.looseObject({
  type: text,
  reason: text,
  message: text,
  note: text,
  count: z.number().nullable().optional(),
  firstTimestamp: time,
  lastTimestamp: time,
  eventTime: time,
  involvedObject: z.looseObject({ kind: text, name: text, fieldPath: text }).optional(),
  regarding: z.looseObject({ kind: text, name: text, fieldPath: text }).optional(),
});

function describeIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') || what;
  return `${where}: ${(issue?.message ?? 'unexpected value').replace(/^Invalid input: /, '')}`;
}

/** Throws RefusedInputError naming the first field that does not have the API's type. */
export function checkShapes(pods: PodLike[], events: EventLike[], format: 'json' | 'yaml'): void {
  const doc = format.toUpperCase();
  for (const pod of pods) {
    const r = podSchema.safeParse(pod);
    if (!r.success)
      throw new RefusedInputError(
        `The ${doc} is not a Pod as kubectl prints it (${describeIssue(r.error, 'pod')}).`,
      );
  }
  for (const event of events) {
    const r = eventSchema.safeParse(event);
    if (!r.success)
      throw new RefusedInputError(
        `The ${doc} is not an Event as kubectl prints it (${describeIssue(r.error, 'event')}).`,
      );
  }
}
