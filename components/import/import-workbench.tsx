'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, postDiagnose } from '@/lib/api-client';
import type { UploadDiagnosis } from '@/lib/views/types';
import { PodPresentation } from '@/components/pod/pod-presentation';
import { PodReport } from '@/components/report/pod-report';
import { CopyButton } from '@/components/ui/copy-button';
import { basisWords } from '@/components/format/derived-time';
import { ImportInput } from './import-input';
import { logsFromFiles } from './import-logs';
import {
  decodeFragment,
  encodeFragment,
  SHARE_LIMIT_CHARS,
  type ImportFile,
} from './share-fragment';

const PASTE_NAME = 'pasted.txt';

/** `pasted.txt:6: broken JSON (…)` → "Line 6 of pasted.txt: broken JSON (…)". */
function ErrorText({ error }: { error: Error }) {
  const line = error instanceof ApiError ? error.line : undefined;
  const located = /^(.+?):(\d+): ([\s\S]*)$/.exec(error.message);
  if (located)
    return (
      <>
        Line {located[2]} of {located[1]}: {located[3]}
      </>
    );
  if (line !== undefined)
    return (
      <>
        Line {line}: {error.message}
      </>
    );
  return <>{error.message}</>;
}

/** Says what the relative ages of the input were counted back from, when any time was derived. */
function AgeBasisNotice({ result }: { result: UploadDiagnosis }) {
  const d = result.diagnosis;
  const events = [...d.podEvents, ...d.containers.flatMap((c) => c.events)];
  const derived = events.filter((e) => e.ageText).length;
  if (!d.ageBasis || derived === 0) return null;
  return (
    <p
      className="rounded-md border border-amber-600 bg-amber-50 p-2 text-sm text-amber-950"
      data-testid="age-basis"
      data-basis={d.ageBasis.basis}
      data-at={d.ageBasis.at}
    >
      <strong>{derived} times marked ≈ are derived</strong> from kubectl&rsquo;s relative ages
      (&ldquo;3m&rdquo;, &ldquo;x4 over 10m&rdquo;), counted back from {basisWords(d.ageBasis)}.
      {d.ageBasis.basis === 'paste' &&
        ' If the output was taken earlier, say when above (or paste the output of `date` with it).'}
    </p>
  );
}

/** `2026-11-30T06:15` (a datetime-local value, read as UTC) → ISO 8601, or undefined. */
function takenAtIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(`${value}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function allFiles(pasted: string, files: ImportFile[]): ImportFile[] {
  return [...(pasted.trim() ? [{ name: PASTE_NAME, text: pasted }] : []), ...files];
}

/** Paste or drop kubectl output → the pod presentation, offline; the result is shareable by URL fragment. */
export function ImportWorkbench() {
  const [pasted, setPasted] = useState('');
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [share, setShare] = useState<{ url?: string; why?: string }>({});
  const [asReport, setAsReport] = useState(false);
  const [takenAt, setTakenAt] = useState('');
  const diagnose = useMutation<UploadDiagnosis, Error, ImportFile[]>({
    mutationFn: (input) => postDiagnose(input, takenAtIso(takenAt)),
    onSuccess: async (_result, input) => {
      const fragment = await encodeFragment(input);
      if (fragment.length > SHARE_LIMIT_CHARS) {
        history.replaceState(null, '', window.location.pathname);
        setShare({
          why: `The input is too large to share in a link (${Math.round(fragment.length / 1000)} k characters compressed; chat apps cut links near ${SHARE_LIMIT_CHARS / 1000} k). Share the files instead.`,
        });
        return;
      }
      history.replaceState(null, '', `#${fragment}`);
      setShare({ url: window.location.href });
    },
  });
  const { mutate } = diagnose;

  useEffect(() => {
    // A shared link: the pasted text travels in the fragment (never sent to the server by the browser).
    void decodeFragment(window.location.hash).then((shared) => {
      if (!shared?.length) return;
      const paste = shared.find((f) => f.name === PASTE_NAME);
      setPasted(paste?.text ?? '');
      setFiles(shared.filter((f) => f.name !== PASTE_NAME));
      mutate(shared);
    });
  }, [mutate]);

  const input = allFiles(pasted, files);
  const error = diagnose.error;
  return (
    <div className="flex flex-col gap-6">
      <form
        className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-3 sm:px-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (input.length) mutate(input);
        }}
      >
        <ImportInput pasted={pasted} onPasted={setPasted} files={files} onFiles={setFiles} />
        <label className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">When was this output taken? (UTC, optional)</span>
          <input
            type="datetime-local"
            step={1}
            value={takenAt}
            onChange={(e) => setTakenAt(e.target.value)}
            className="min-h-11 rounded-md border border-slate-300 px-2"
            data-testid="taken-at"
          />
          <span className="text-slate-600">
            describe and events print ages (&ldquo;3m&rdquo;); they count back from this — else from
            a pasted <code>date</code> line, else from now.
          </span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={input.length === 0 || diagnose.isPending}
            className="min-h-11 rounded-md bg-slate-900 px-5 font-semibold text-white disabled:opacity-50"
          >
            {diagnose.isPending ? 'Diagnosing…' : 'Diagnose'}
          </button>
          <p className="text-sm text-slate-600">
            Read once and answered; nothing is stored. The shareable link holds the text itself
            (compressed in the part after #, which browsers do not send to servers).
          </p>
        </div>
        {error && (
          <div
            role="alert"
            className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900"
            data-testid="import-error"
          >
            <strong>Could not read the input.</strong> <ErrorText error={error} />
          </div>
        )}
      </form>
      {diagnose.data && (
        <div className="border-t-2 border-slate-300" data-testid="import-result">
          <div className="mx-auto flex max-w-6xl flex-col gap-2 px-3 pt-4 sm:px-6">
            <p className="text-sm text-slate-700">
              Read as:{' '}
              {diagnose.data.kinds
                .map((k) => `${k.kind} (${k.file} from line ${k.startLine})`)
                .join(', ')}
            </p>
            <AgeBasisNotice result={diagnose.data} />
            {diagnose.data.warnings.length > 0 && (
              <ul className="list-disc pl-5 text-sm text-amber-900">
                {diagnose.data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            {share.url && (
              <div className="flex items-center gap-2">
                <span className="text-sm">This result has a shareable link.</span>
                <CopyButton text={share.url} label="Copy shareable link" />
              </div>
            )}
            {share.why && <p className="text-sm text-slate-700">{share.why}</p>}
          </div>
          <div className="no-print mx-auto flex max-w-6xl gap-2 px-3 pt-2 sm:px-6">
            <button
              type="button"
              aria-pressed={asReport}
              onClick={() => setAsReport((r) => !r)}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
            >
              {asReport ? 'Back to the pod view' : 'Postmortem report'}
            </button>
          </div>
          {asReport ? (
            <PodReport diagnosis={diagnose.data.diagnosis} standalone={false} />
          ) : (
            <PodPresentation
              diagnosis={diagnose.data.diagnosis}
              logs={logsFromFiles(diagnose.data, diagnose.variables ?? [])}
              source="imported (offline, nothing stored)"
              noLogReason="none was pasted (add the output of kubectl logs --previous)"
            />
          )}
        </div>
      )}
    </div>
  );
}
