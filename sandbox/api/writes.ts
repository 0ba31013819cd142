/**
 * The writes a client may make to the sandbox besides deleting a pod: create, update (optimistic
 * concurrency on resourceVersion) and delete of coordination.k8s.io Leases, which leader election
 * (client-go's leaselock, or any controller) needs. Errors are the API server's Status objects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStore } from '../store/object-store';
import { apiVersionOf, type ResourceDef } from '../store/resources';
import type { KObject, NewObject } from '../store/types';
import type { AccessControl } from './access';
import { sendJson } from './http-util';
import { ApiError, badRequest, notFound } from './status';

/** Resources whose objects clients create and update themselves. */
export const WRITABLE = new Set(['coordination.k8s.io/leases']);

const MAX_BODY = 3 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function qualified(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

function details(def: ResourceDef, name: string) {
  return { name, ...(def.group ? { group: def.group } : {}), kind: def.plural };
}

function invalid(def: ResourceDef, name: string, field: string, message: string): ApiError {
  return new ApiError(
    422,
    'Invalid',
    `${def.kind}.${def.group} "${name}" is invalid: ${field}: ${message}`,
    { ...details(def, name), causes: [{ reason: 'FieldValueInvalid', message, field }] },
  );
}

async function parseObject(req: IncomingMessage, def: ResourceDef): Promise<KObject> {
  const text = await readBody(req);
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw badRequest(
      `the body of the request was in an unknown format - accepted media types include: application/json`,
    );
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    throw badRequest('the body of the request must be an object');
  const o = obj as KObject;
  if (o.kind !== undefined && o.kind !== def.kind)
    throw badRequest(`the kind "${String(o.kind)}" does not match the resource ${qualified(def)}`);
  o.metadata ??= {} as KObject['metadata'];
  return o;
}

/** Serves POST (create), PUT (update) and DELETE of a writable resource. */
export async function serveWrite(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: ObjectStore; access: AccessControl },
  def: ResourceDef,
  namespace: string | undefined,
  name: string | undefined,
): Promise<void> {
  const { store, access } = deps;
  const verb = req.method === 'POST' ? 'create' : req.method === 'PUT' ? 'update' : 'delete';
  access.authorizeOn(verb, def, namespace, name);
  const withKind = (o: KObject) => ({ ...o, kind: def.kind, apiVersion: apiVersionOf(def) });

  if (req.method === 'DELETE') {
    if (!name)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    const gone = store.delete(def.id, namespace, name);
    if (!gone) throw notFound(def.group, def.plural, name);
    sendJson(res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: details(def, name),
    });
    return;
  }

  const obj = await parseObject(req, def);
  const md = obj.metadata;
  if (def.namespaced && md.namespace !== undefined && md.namespace !== namespace)
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  if (req.method === 'POST') {
    if (name)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    if (!md.name && md.generateName)
      md.name = `${md.generateName}${Math.random().toString(36).slice(2, 7)}`;
    if (!md.name)
      throw invalid(def, '', 'metadata.name', 'Required value: name or generateName is required');
    if (store.get(def.id, namespace, md.name))
      throw new ApiError(
        409,
        'AlreadyExists',
        `${qualified(def)} "${md.name}" already exists`,
        details(def, md.name),
      );
    const input = {
      ...obj,
      kind: def.kind,
      apiVersion: apiVersionOf(def),
      metadata: { ...md, namespace },
    };
    delete (input.metadata as Partial<KObject['metadata']>).uid;
    delete (input.metadata as Partial<KObject['metadata']>).resourceVersion;
    delete (input.metadata as Partial<KObject['metadata']>).creationTimestamp;
    sendJson(res, 201, withKind(store.create(def.id, input as NewObject)));
    return;
  }
  // PUT: optimistic concurrency, as the registry's Update does.
  if (!name)
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  if (md.name !== undefined && md.name !== name)
    throw badRequest(
      `the name of the object (${md.name}) does not match the name on the URL (${name})`,
    );
  const current = store.get(def.id, namespace, name);
  if (!current) throw notFound(def.group, def.plural, name);
  if (!md.resourceVersion)
    throw invalid(
      def,
      name,
      'metadata.resourceVersion',
      'Invalid value: 0x0: must be specified for an update',
    );
  if (md.resourceVersion !== current.metadata.resourceVersion)
    throw new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(def)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      details(def, name),
    );
  const next: KObject = {
    ...obj,
    kind: def.kind,
    apiVersion: apiVersionOf(def),
    metadata: {
      ...md,
      name,
      namespace,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      resourceVersion: current.metadata.resourceVersion,
    },
  };
  sendJson(res, 200, withKind(store.update(def.id, next)));
}
