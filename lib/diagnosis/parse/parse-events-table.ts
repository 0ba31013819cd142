// Events as tables: the Events section of `kubectl describe` and `kubectl get events`, with or
// without their header line, in the layouts of event-row.ts.
import type { EventLike } from '../types';
import {
  cellsToEvent,
  isHeaderRule,
  matchEventRow,
  matchHeaderlessRow,
  parseEventsHeader,
  type EventColumn,
} from './event-row';
import { ParseError } from './parse-error';

/** A line with its 1-based number in the paste. */
export interface NumberedLine {
  text: string;
  no: number;
}

/** The pod the events are about, when the table does not say (describe's Events section). */
export interface EventSubject {
  name?: string;
  namespace?: string;
}

/** True when a line is an events header, its rule, or a row in a known layout. */
export function isEventLine(line: string): boolean {
  return (
    parseEventsHeader(line) !== undefined ||
    isHeaderRule(line) ||
    matchHeaderlessRow(line) !== undefined
  );
}

/** Parses the lines of an events table into core/v1 Events; ages count back from `now`. */
export function parseEventsTable(
  lines: NumberedLine[],
  now: number,
  subject: EventSubject = {},
): { events: EventLike[]; warnings: string[] } {
  const events: EventLike[] = [];
  const warnings: string[] = [];
  let columns: EventColumn[] | undefined;
  let headerLine = 0;
  let failedUnderHeader: NumberedLine | undefined;
  for (const line of lines) {
    if (line.text.trim() === '' || isHeaderRule(line.text) || /^\s*Events:\s*$/.test(line.text))
      continue;
    const header = parseEventsHeader(line.text);
    if (header) {
      columns = header;
      headerLine = line.no;
      continue;
    }
    const cells = (columns && matchEventRow(line.text, columns)) ?? matchHeaderlessRow(line.text);
    if (!cells) {
      if (columns) failedUnderHeader ??= line;
      warnings.push(`line ${line.no}: not an event row, skipped: ${line.text.trim().slice(0, 80)}`);
      continue;
    }
    events.push(withSubject(cellsToEvent(cells, now), subject));
  }
  if (columns && events.length === 0 && failedUnderHeader) {
    throw new ParseError(
      `events table (header on line ${headerLine}) has a row that matches no event layout: ${failedUnderHeader.text.trim().slice(0, 80)}`,
      { line: failedUnderHeader.no, kind: 'events-table' },
    );
  }
  return { events, warnings };
}

function withSubject(event: EventLike, subject: EventSubject): EventLike {
  const involved = event.involvedObject ?? {};
  if (!involved.name && subject.name) {
    involved.kind ??= 'Pod';
    involved.name = subject.name;
  }
  if (!involved.namespace && subject.namespace) involved.namespace = subject.namespace;
  return Object.keys(involved).length ? { ...event, involvedObject: involved } : event;
}
