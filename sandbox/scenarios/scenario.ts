/** The shape of an incident scenario and the helpers scenarios share. */
import type { Cluster } from '../cluster/cluster';
import type { PodTemplate } from '../controllers/deployment-controller';
import type { Container } from '../kubelet/pod-types';
import type { LogLine } from '../kubelet/behaviour';

/** What a scenario gets to set itself up. */
export interface ScenarioContext {
  cluster: Cluster;
  /** The scenario's namespace (named after it). */
  namespace: string;
  /** Virtual time the incident history starts (now − historyMs). */
  t0: number;
  /** Runs `fn` at t0 + offsetMs. */
  at(offsetMs: number, fn: () => void): void;
  /** Runs `fn` at t0 + firstMs and then every periodMs, forever. */
  every(firstMs: number, periodMs: number, fn: () => void): void;
}

/** An incident scenario. */
export interface Scenario {
  name: string;
  /** One line for people: what the scenario shows. */
  summary: string;
  setup(ctx: ScenarioContext): void;
}

/** A one-container pod template labelled app=<name>. */
export function template(
  app: string,
  container: Container,
  extra: Partial<PodTemplate['spec']> = {},
): PodTemplate {
  return { metadata: { labels: { app } }, spec: { containers: [container], ...extra } };
}

/** Spaces log lines out: each entry is [delay after the previous line in ms, text]. */
export function timeline(entries: [number, string][], startMs = 0): LogLine[] {
  let at = startMs;
  return entries.map(([delay, text]) => ({ atMs: (at += delay), text }));
}
