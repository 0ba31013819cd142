/**
 * Label selectors (k8s.io/apimachinery/pkg/labels) and field selectors
 * (k8s.io/apimachinery/pkg/fields) as the API server parses and applies them.
 */
import type { KObject } from './types';

/** A parse failure, answered as 400 BadRequest. */
export class SelectorError extends Error {}

/** A compiled selector: true when the object matches. */
export type Matcher = (obj: KObject) => boolean;

type Requirement = { key: string; op: 'in' | 'notin' | 'exists' | '!exists'; values: string[] };

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function parseRequirement(term: string): Requirement {
  let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) {
    const values = (m[3] ?? '').split(',').map((v) => v.trim());
    return { key: m[1] ?? '', op: m[2] === 'in' ? 'in' : 'notin', values };
  }
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(term);
  if (m) return { key: m[1] ?? '', op: m[2] === '!=' ? 'notin' : 'in', values: [m[3] ?? ''] };
  m = /^(!?)([\w./-]+)$/.exec(term);
  if (m) return { key: m[2] ?? '', op: m[1] ? '!exists' : 'exists', values: [] };
  throw new SelectorError(`unable to parse requirement: ${term}`);
}

/** Compiles a labelSelector query parameter. */
export function parseLabelSelector(selector: string | null): Matcher {
  if (!selector) return () => true;
  const reqs = splitTopLevel(selector).map(parseRequirement);
  return (obj) => {
    const labels = obj.metadata.labels ?? {};
    return reqs.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case 'exists':
          return has;
        case '!exists':
          return !has;
        case 'in':
          return has && r.values.includes(v ?? '');
        case 'notin':
          return !has || !r.values.includes(v ?? '');
      }
      return false;
    });
  };
}

/** Reads a dotted field path ("spec.nodeName") of an object as a string ("" when absent). */
export function readField(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return String(cur);
}

/** Field labels each resource supports (pkg/registry/<group>/<resource>/strategy.go *ToSelectableFields). */
const FIELDS: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  'events.k8s.io/events': [
    'regarding.kind',
    'regarding.namespace',
    'regarding.name',
    'regarding.uid',
    'regarding.apiVersion',
    'regarding.resourceVersion',
    'regarding.fieldPath',
    'reason',
    'reportingController',
    'type',
  ],
  namespaces: ['status.phase'],
  nodes: ['spec.unschedulable'],
  'apps/replicasets': ['status.replicas'],
  'batch/jobs': ['status.successful'],
};

function fieldValue(resource: string, obj: KObject, field: string): string {
  if (resource === 'events' && field === 'source') return readField(obj, 'source.component');
  if (resource === 'pods' && field === 'spec.hostNetwork') {
    return readField(obj, field) === 'true' ? 'true' : 'false';
  }
  return readField(obj, field);
}

/** Compiles a fieldSelector for a resource; unknown fields are a SelectorError like the real one. */
export function parseFieldSelector(resource: string, selector: string | null): Matcher {
  if (!selector) return () => true;
  const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS[resource] ?? [])];
  const reqs = splitTopLevel(selector).map((term) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1] ?? '';
    if (!allowed.includes(field)) throw new SelectorError(`field label not supported: ${field}`);
    return { field, negate: m[2] === '!=', value: m[3] ?? '' };
  });
  return (obj) => reqs.every((r) => (fieldValue(resource, obj, r.field) === r.value) !== r.negate);
}
