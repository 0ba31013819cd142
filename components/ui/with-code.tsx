/**
 * Text whose `backtick` spans are shown as code (finding titles quote names that way; the
 * Markdown export keeps the backticks). Rendered as text, never as HTML.
 */
export function WithCode({
  text,
  codeClassName = 'font-mono text-[0.92em]',
}: {
  text: string;
  codeClassName?: string;
}) {
  if (!text.includes('`')) return <>{text}</>;
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className={codeClassName}>
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
