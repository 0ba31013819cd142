// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): `256Mi`, `1G`, `500m`.

const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// The grammar of k8s.io/apimachinery/pkg/api/resource/quantity.go: a signed decimal (`5`, `1.5`,
// `.5`, `5.`) and one suffix, binary (Ki…Ei), decimal SI (n, u, m, "", k, M…E; kilo is a lower-case
// k) or a decimal exponent (`1e9`, `2E-3`).
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|([eE][+-]?\d+))?$/;

/** Parses a resource quantity (`256Mi`, `1G`, `1e9`) to a plain number (bytes for memory). */
export function parseQuantity(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const factor = match[3] ? Number(`1${match[3]}`) : SUFFIX[match[2] ?? ''];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/** Formats bytes in binary units the way people read them (`81Mi`, `1.5Gi`). */
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
