import type { Finding } from '@/lib/diagnosis';
import { WithCode } from '@/components/ui/with-code';

/** "do next" / "don't" items: one line when single, a list when several (they are sentences). */
export function AdviceList({ items }: { items: string[] }) {
  if (items.length === 1) return <WithCode text={items[0] ?? ''} />;
  return (
    <ul className="list-disc space-y-0.5 pl-5">
      {items.map((item) => (
        <li key={item}>
          <WithCode text={item} />
        </li>
      ))}
    </ul>
  );
}

/** The "do next" and "don't" rows of a finding's <dl>; a row with no advice is left out. */
export function AdviceRows({ finding }: { finding: Pick<Finding, 'doNext' | 'dont'> }) {
  return (
    <>
      {finding.doNext.length > 0 && (
        <>
          <dt className="font-medium text-slate-600">do next</dt>
          <dd>
            <AdviceList items={finding.doNext} />
          </dd>
        </>
      )}
      {finding.dont.length > 0 && (
        <>
          <dt className="font-medium text-red-800">don&apos;t</dt>
          <dd>
            <AdviceList items={finding.dont} />
          </dd>
        </>
      )}
    </>
  );
}
