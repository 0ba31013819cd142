// Shared helpers of the e2e journeys: the sandbox control API, finding a scenario's pod, and
// screenshots kept as test artifacts under test-results/screens (not committed).
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const sandboxUrl = process.env.E2E_SANDBOX_URL ?? 'http://127.0.0.1:3108';
export const cluster = 'sandbox';

/** POST /sandbox/control/<verb>?... on the sandbox. */
export async function control(
  request: APIRequestContext,
  verb: string,
  params: Record<string, string>,
) {
  const query = new URLSearchParams(params).toString();
  const response = await request.post(`${sandboxUrl}/sandbox/control/${verb}?${query}`);
  expect(response.ok(), `sandbox control ${verb}: ${await response.text()}`).toBeTruthy();
  return (await response.json()) as Record<string, unknown>;
}

interface BoardRowJson {
  namespace: string;
  pod: string;
  kind: string;
  name: string;
  /** Restarts across the pods this one replaced (the row's headline number). */
  restarts: number;
  /** This pod's own restarts: the sum of its containers' restartCount, as kubectl shows. */
  podRestarts?: number;
}

/** The worst pod of a scenario namespace, from the board API (waits until it shows up). */
export async function scenarioPod(
  request: APIRequestContext,
  namespace: string,
): Promise<BoardRowJson> {
  let row: BoardRowJson | undefined;
  await expect
    .poll(
      async () => {
        // A connection reset while the server is busy is retried like a non-OK answer.
        const response = await request
          .get(`/api/board?namespace=${encodeURIComponent(namespace)}`)
          .catch(() => undefined);
        if (!response?.ok()) return undefined;
        const board = (await response.json()) as { rows: BoardRowJson[] };
        row = board.rows.find((r) => r.namespace === namespace);
        return row?.pod;
      },
      { message: `a board row for namespace ${namespace}`, timeout: 30_000 },
    )
    .toBeTruthy();
  return row!;
}

/** The pod page path of a scenario pod. */
export function podUrl(namespace: string, pod: string): string {
  return `/c/${cluster}/ns/${namespace}/pods/${pod}`;
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** No horizontal scroll on the page itself (the log may scroll inside its own box). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page scrolls horizontally').toBeLessThanOrEqual(clientWidth);
}

/** Runs axe-core in the page and fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  // Evaluated, not added as a <script>: the page's CSP admits only its own nonce'd scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<any> } }).axe;
    const result = await axe.run(document);
    type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
    return (result.violations as Violation[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, 'serious accessibility violations').toEqual([]);
}
