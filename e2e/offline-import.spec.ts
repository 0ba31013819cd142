// Journey: offline import. A real-format `kubectl describe pod` pasted into /import shows its
// findings, the result is shareable by link (the text rides in the URL fragment), and malformed
// input gets an error that names the line.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectAccessible, screenshot } from './helpers';

// The fixture's absolute times are written relative to now (`{{now-3m}}`), as kubectl prints
// them (RFC 1123 with a numeric zone), so they agree with the relative ages of its events.
function atNow(text: string): string {
  return text.replace(/\{\{now-(\d+)m\}\}/g, (_, minutes: string) =>
    new Date(Date.now() - Number(minutes) * 60_000).toUTCString().replace('GMT', '+0000'),
  );
}

const describe = atNow(
  readFileSync(path.join(__dirname, 'fixtures', 'describe-oom-no-limit.txt'), 'utf8'),
);

test('an imported describe output shows its findings and a shareable link', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/import');
  await page.getByLabel(/Paste kubectl output/).fill(describe);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(result.getByTestId('cause')).toContainText(/OOM/i);
  await expect(result.locator('[data-finding^="oom-killed"]').first()).toBeVisible();
  await expect(result.getByTestId('memory-fact')).toContainText('no limit');
  await expect(result).toContainText('report-builder-6d8f7c9b5-q7x2m');
  await screenshot(page, 'import-desktop');
  await expectAccessible(page);

  // The same diagnosis as a printable postmortem, offline.
  await page.getByRole('button', { name: 'Postmortem report' }).click();
  await expect(page.getByTestId('report')).toContainText('Root-cause chain');
  await screenshot(page, 'import-report');
  await page.getByRole('button', { name: 'Back to the pod view' }).click();

  // The shareable link carries the input in the fragment and reproduces the result.
  await expect(page).toHaveURL(/#d=/);
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByTestId('import-result').getByTestId('cause')).toContainText(/OOM/i);
  await other.setViewportSize({ width: 390, height: 844 });
  await screenshot(other, 'import-phone');
});

test('malformed input gets an error naming the line', async ({ page }) => {
  await page.goto('/import');
  await page
    .getByLabel(/Paste kubectl output/)
    .fill(
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "x",\n  ]\n}\n',
    );
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/line \d+/i);
});

test('an image or random text is refused with what the import expected', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/import');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]);
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('screenshot.png: This is a PNG image, not text.');
  await expect(error).toContainText('kubectl describe pod');
  await expect(page.getByTestId('import-result')).toHaveCount(0);
  await screenshot(page, 'import-refused-image');

  await page.getByRole('button', { name: 'Remove screenshot.png' }).click();
  await page
    .getByLabel(/Paste kubectl output/)
    .fill('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(error).toContainText('Nothing in it reads as kubectl output or a log');
});
