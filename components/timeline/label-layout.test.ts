import { describe, expect, it } from 'vitest';
import { placeLabels, textWidth, type LabelRequest } from './label-layout';

const label = (key: string, x: number, text: string, priority = 0): LabelRequest => ({
  key,
  x,
  text,
  fontSize: 12,
  anchor: 'start',
  priority,
});

describe('placeLabels', () => {
  it('never keeps two labels whose boxes overlap, keeping the more important one', () => {
    const reset = label('reset', 500, '↺ back-off reset: pod replaced', 2);
    const image = label('image', 520, 'image changed', 1);
    expect([...placeLabels([image, reset], 0, 1100).keys()]).toEqual(['reset']);
  });

  it('keeps labels that are far enough apart', () => {
    const a = label('a', 100, 'next try ~10:27');
    const b = label('b', 100 + textWidth('next try ~10:27', 12) + 10, 'now');
    expect([...placeLabels([a, b], 0, 1100).keys()].sort()).toEqual(['a', 'b']);
  });

  it('leaves out a label that would run past the edge', () => {
    expect(placeLabels([label('late', 1090, 'image changed')], 0, 1100).size).toBe(0);
  });

  it('moves a label to its fallback side when its own place is off the edge', () => {
    const late = {
      ...label('late', 1090, 'image changed'),
      fallback: { x: 1080, anchor: 'end' as const },
    };
    expect(placeLabels([late], 0, 1100).get('late')).toEqual({ x: 1080, anchor: 'end' });
  });
});
