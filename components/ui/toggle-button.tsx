import type { ReactNode } from 'react';

/** An on/off button that says its state in words ("Wrap on") as well as in aria-pressed. */
export function ToggleButton({
  pressed,
  onToggle,
  icon,
  label,
}: {
  pressed: boolean;
  onToggle: () => void;
  icon: ReactNode;
  label: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className="inline-flex min-h-11 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
    >
      {icon} {label} {pressed ? 'on' : 'off'}
    </button>
  );
}
