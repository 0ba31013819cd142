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
 * The keys of the labels that fit, placed in priority order (ties: left to right); boxes keep
 * `gap` units apart and stay within [minX, maxX].
 */
export function placeLabels(
  labels: LabelRequest[],
  minX: number,
  maxX: number,
  gap = 6,
): Set<string> {
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.x - b.x);
  const placed: Array<[number, number]> = [];
  const keep = new Set<string>();
  for (const label of order) {
    const [a, b] = box(label);
    if (a < minX || b > maxX) continue;
    if (placed.some(([c, d]) => a < d + gap && c < b + gap)) continue;
    placed.push([a, b]);
    keep.add(label.key);
  }
  return keep;
}
