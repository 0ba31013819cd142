// The plain data of a stored alert, as views send it and components draw it (no server code).

/** One alert instance as stored, in the shape the pod view draws (plain JSON). */
export interface AlertMark {
  fingerprint: string;
  alertname: string;
  status: 'firing' | 'resolved';
  severity?: string;
  summary?: string;
  namespace?: string;
  pod?: string;
  container?: string;
  startsAt: number;
  /** When it resolved (only for resolved alerts). */
  endsAt?: number;
  generatorURL?: string;
}
