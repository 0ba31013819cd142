import { Fragment } from 'react';

/**
 * Long machine text (commands, image references, ReplicaSet names) that may wrap only at its
 * joints — after `/`, `=`, `,` and `:` (and after `-`, which browsers already allow) — never in
 * the middle of a hash or a word. Pair with `break-words` so a single over-long token still fits.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/=,:])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
