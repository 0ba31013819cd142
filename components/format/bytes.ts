/** Bytes in binary units the way people read them (`81Mi`, `1.5Gi`). */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Math.round((bytes / size) * 10) / 10}${unit}`;
  }
  return `${bytes}B`;
}
