'use client';

import { Upload, X } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import type { ImportFile } from './share-fragment';

/** Reads dropped or chosen files as text (kubectl output is text; binaries are refused). */
async function readFiles(list: FileList | null): Promise<ImportFile[]> {
  const files = Array.from(list ?? []);
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
}

/** The paste box and the drop zone; pastes and files are kept apart so errors can name the file. */
export function ImportInput({
  pasted,
  onPasted,
  files,
  onFiles,
}: {
  pasted: string;
  onPasted: (text: string) => void;
  files: ImportFile[];
  onFiles: (files: ImportFile[]) => void;
}) {
  const [over, setOver] = useState(false);
  async function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    onFiles([...files, ...(await readFiles(e.dataTransfer.files))]);
  }
  return (
    <div className="flex flex-col gap-3">
      <label htmlFor="paste" className="font-semibold">
        Paste kubectl output
        <span className="block text-sm font-normal text-slate-600">
          Any mix of <code>kubectl get pod -o yaml|json</code>, <code>kubectl describe pod</code>,{' '}
          <code>kubectl get events</code> and <code>kubectl logs --previous</code>, one after
          another.
        </span>
      </label>
      <textarea
        id="paste"
        name="paste"
        value={pasted}
        onChange={(e) => onPasted(e.target.value)}
        spellCheck={false}
        rows={14}
        className="w-full rounded-md border border-slate-400 p-2 font-mono text-sm"
        placeholder={'Name:         auth-7c9f6d-x2k4p\nNamespace:    payments\n…'}
      />
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed p-4 ${over ? 'border-blue-700 bg-blue-50' : 'border-slate-400'}`}
      >
        <Upload aria-hidden className="size-5" />
        <span>Drop files here, or</span>
        <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium focus-within:outline-2 focus-within:outline-blue-700">
          choose files
          <input
            type="file"
            multiple
            className="sr-only"
            accept=".txt,.log,.yaml,.yml,.json,text/*,application/json"
            onChange={async (e) => onFiles([...files, ...(await readFiles(e.target.files))])}
          />
        </label>
        {files.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label="Files">
            {files.map((f, i) => (
              <li
                key={`${f.name}-${i}`}
                className="inline-flex items-center gap-1 rounded bg-slate-100 py-1 pr-1 pl-2 text-sm"
              >
                {f.name} ({f.text.split('\n').length} lines)
                <button
                  type="button"
                  aria-label={`Remove ${f.name}`}
                  onClick={() => onFiles(files.filter((_, j) => j !== i))}
                  className="inline-flex size-8 items-center justify-center rounded hover:bg-slate-200"
                >
                  <X aria-hidden className="size-4" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
