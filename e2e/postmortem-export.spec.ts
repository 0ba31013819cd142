// Journey: the postmortem. The report exports a PNG and Markdown that contain the timeline and
// the findings.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectAccessible, podUrl, scenarioPod, screenshot } from './helpers';

test.use({ viewport: { width: 1280, height: 900 } });

test('a pod report downloads a PNG and copies Markdown with the timeline and findings', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const row = await scenarioPod(request, 'rollback-hides-cause');
  await page.goto(`${podUrl('rollback-hides-cause', row.pod)}/report`);
  const report = page.getByTestId('report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-timeline')).toContainText('UTC');
  await expect(report.getByTestId('root-cause-chain')).toBeVisible();
  await screenshot(page, 'report-pod');
  await expectAccessible(page);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const file = path.join('test-results', 'screens', download.suggestedFilename());
  await download.saveAs(file);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // A 1200 px wide image of a full report is far bigger than a blank one.
  expect(png.length).toBeGreaterThan(20_000);
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1200);

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByTestId('report-status')).toHaveText('Markdown copied');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('## Timeline (UTC)');
  expect(markdown).toMatch(/\| \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \|/);
  expect(markdown).toContain('## Root-cause chain');
  expect(markdown).toContain('## Findings');
  expect(markdown).toContain('AUTH_JWKS_URL');
});

test('a workload report shows revisions and exports Markdown', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const row = await scenarioPod(request, 'stale-image-new-config');
  await page.goto(
    `/c/sandbox/ns/stale-image-new-config/${row.kind.toLowerCase()}/${row.name}/report`,
  );
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('revisions')).toBeVisible();
  await screenshot(page, 'report-workload');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('## Revisions (UTC)');
  expect(markdown).toContain('## Findings');
});
