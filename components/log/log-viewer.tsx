'use client';

import { Clock, WrapText } from 'lucide-react';
import { useState } from 'react';
import type { LogView } from '@/lib/views/types';
import { logLineAnchor } from '@/components/format/names';
import { CopyButton } from '@/components/ui/copy-button';
import { ToggleButton } from '@/components/ui/toggle-button';
import { parseAnsi, type AnsiSegment } from './ansi';

/** A bound on rendered lines; the decisive lines are always kept. */
const MAX_LINES = 3000;

/** `kubectl logs --timestamps` puts an RFC 3339 time first on every line. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}) /;

/**
 * The container log as TEXT (it is untrusted: React escapes it; never set as HTML), with line
 * numbers as anchors, the decisive line highlighted, a wrap toggle and copy.
 */
export function LogViewer({
  log,
  title,
  highlights,
}: {
  log: LogView;
  title: string;
  /** 1-based line → why it is highlighted (the finding's title). */
  highlights: Record<number, string>;
}) {
  const [wrap, setWrap] = useState(true);
  const [showTimes, setShowTimes] = useState(true);
  const text = log.text ?? '';
  const lines = text.replace(/\n$/, '').split('\n');
  const start = Math.max(0, lines.length - MAX_LINES);
  const hasTimes = lines.slice(0, 20).some((l) => TIMESTAMP.test(l));
  return (
    <section aria-labelledby={`log-heading-${log.container}-${log.kind}`} className="min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`log-heading-${log.container}-${log.kind}`} className="text-lg font-semibold">
          {title}
        </h2>
        {log.text !== undefined && (
          <div className="no-print flex gap-2">
            <ToggleButton
              pressed={wrap}
              onToggle={() => setWrap((w) => !w)}
              icon={<WrapText aria-hidden className="size-4" />}
              label="Wrap"
            />
            {hasTimes && (
              <ToggleButton
                pressed={showTimes}
                onToggle={() => setShowTimes((t) => !t)}
                icon={<Clock aria-hidden className="size-4" />}
                label="Timestamps"
              />
            )}
            <CopyButton text={text} label="Copy log" />
          </div>
        )}
      </div>
      {log.text === undefined ? (
        <p className="mt-1 rounded border border-slate-300 bg-slate-50 p-3 text-slate-700">
          No log: {log.error ?? 'the API returned nothing for this container.'}
        </p>
      ) : (
        <div
          className="mt-2 max-h-[32rem] overflow-auto rounded-md border border-slate-300 bg-slate-950 text-slate-100 print:max-h-none"
          tabIndex={0}
          role="region"
          aria-label={`${title}, lines`}
        >
          {(log.truncated || start > 0) && (
            <p className="border-b border-slate-700 px-3 py-1 text-xs text-slate-400">
              Showing the last {lines.length - start} lines
              {log.truncated ? ' (the API truncated the log)' : ''}.
            </p>
          )}
          <ol className="py-2 font-mono text-[13px] leading-5" data-testid="log-lines">
            {lines.map((line, i) => {
              const n = i + 1;
              const why = highlights[n];
              if (i < start && !why) return null;
              return (
                <li
                  key={n}
                  id={logLineAnchor(log.container, log.kind, n)}
                  data-decisive={why ? 'true' : undefined}
                  title={why}
                  className={`flex scroll-mt-24 target:outline-2 target:outline-yellow-300 ${why ? 'bg-red-900/70 font-semibold text-white' : ''}`}
                >
                  <a
                    href={`#${logLineAnchor(log.container, log.kind, n)}`}
                    className={`w-12 shrink-0 pr-3 text-right select-none ${why ? 'text-white' : 'text-slate-400'}`}
                    aria-label={`line ${n}`}
                  >
                    {why ? '▶' : ''}
                    {n}
                  </a>
                  <span
                    className={`min-w-0 pr-3 ${wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre'}`}
                  >
                    <LineText line={showTimes ? line : line.replace(TIMESTAMP, '')} />
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}

/** Readable on the dark log background; a class per colour, never markup from the log. */
const colourClass: Record<NonNullable<AnsiSegment['colour']>, string> = {
  black: 'text-slate-400',
  red: 'text-red-300',
  green: 'text-green-300',
  yellow: 'text-yellow-200',
  blue: 'text-sky-300',
  magenta: 'text-fuchsia-300',
  cyan: 'text-cyan-300',
  white: 'text-white',
};

/** One log line's text, ANSI colours as classes, other escape sequences dropped. */
function LineText({ line }: { line: string }) {
  const segments = parseAnsi(line);
  if (segments.every((s) => !s.colour && !s.bold)) return segments.map((s) => s.text).join('');
  return segments.map((s, i) =>
    s.colour || s.bold ? (
      <span
        key={i}
        className={`${s.colour ? colourClass[s.colour] : ''} ${s.bold ? 'font-bold' : ''}`}
      >
        {s.text}
      </span>
    ) : (
      s.text
    ),
  );
}
