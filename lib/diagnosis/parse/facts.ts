// What one paste contributes before the pastes are merged into a DiagnosisInput.
import type { EventLike, PodLike } from '../types';

/** A log (or part of one) with whatever the paste said about where it came from. */
export interface LogPiece {
  text: string;
  pod?: string;
  container?: string;
  /** True when the text says it came from an init container. */
  init?: boolean;
}

/** A weaker statement about a pod: a `kubectl get pods` row, a lone STATUS word, a kubectl error. */
export interface PodHint {
  name?: string;
  namespace?: string;
  nodeName?: string;
  /** kubectl STATUS words in the order they were seen (a --watch prints several). */
  statuses: string[];
  restarts?: number;
  /** READY as "ready/total", when known. */
  ready?: string;
  /** A named container the hint is about (kubectl errors name one). */
  container?: string;
  containerWaiting?: string;
  /** The waiting message, when the source printed it (the kubelet's back-off message). */
  waitingMessage?: string;
  /** Container names kubectl listed ("choose one of: [a b]"). */
  containers?: string[];
  initContainers?: string[];
}

/** The facts read from one paste. */
export interface PasteFacts {
  pods: PodLike[];
  events: EventLike[];
  logs: LogPiece[];
  hints: PodHint[];
  warnings: string[];
}

/** An empty PasteFacts to fill. */
export function emptyFacts(): PasteFacts {
  return { pods: [], events: [], logs: [], hints: [], warnings: [] };
}
