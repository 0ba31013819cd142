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
