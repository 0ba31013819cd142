// Collision layout for the labels of one lane of the timeline SVG: every label gets the box its
// text needs, the most important are placed first, and a label whose box would touch a placed one
// is left out (its mark keeps a <title> tooltip). Labels never overlap, whatever the data.

/** A label wanting a place in a lane. */
export interface LabelRequest {
  key: string;
  x: number;
  text: string;
  fontSize: number;
  anchor: 'start' | 'middle' | 'end';
  /** Higher is placed first. */
  priority: number;
  /** Where else it may go when its place is taken or off the edge (e.g. left of its mark). */
  fallback?: { x: number; anchor: LabelRequest['anchor'] };
}

/** Where a placed label is drawn. */
export interface Placement {
  x: number;
  anchor: LabelRequest['anchor'];
}

/** Roughly the width of `text` at `fontSize` in the SVG's sans-serif (bold-safe). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.62;
}

function box(label: LabelRequest): [number, number] {
  const w = textWidth(label.text, label.fontSize);
  if (label.anchor === 'start') return [label.x, label.x + w];
  if (label.anchor === 'end') return [label.x - w, label.x];
  return [label.x - w / 2, label.x + w / 2];
}

/**
 * The labels that fit and where, placed in priority order (ties: left to right); boxes keep
 * `gap` units apart and stay within [minX, maxX]. A label that fits neither at its place nor at
 * its fallback is left out.
 */
export function placeLabels(
  labels: LabelRequest[],
  minX: number,
  maxX: number,
  gap = 6,
): Map<string, Placement> {
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.x - b.x);
  const placed: Array<[number, number]> = [];
  const keep = new Map<string, Placement>();
  const fits = ([a, b]: [number, number]) =>
    a >= minX && b <= maxX && !placed.some(([c, d]) => a < d + gap && c < b + gap);
  for (const label of order) {
    const options = [
      { x: label.x, anchor: label.anchor },
      ...(label.fallback ? [label.fallback] : []),
    ];
    const choice = options.find((o) => fits(box({ ...label, ...o })));
    if (!choice) continue;
    placed.push(box({ ...label, ...choice }));
    keep.set(label.key, choice);
  }
  return keep;
}
