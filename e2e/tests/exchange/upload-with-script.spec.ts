import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loginAs } from '../../fixtures/login';

// The upload form's script (style/upload.js): every other spec runs with JavaScript off.
test.use({ javaScriptEnabled: true });

const filesDir = process.env.E2E_FILES!;
// The send unit さくら sends (the 実績 file goes the other way).
const names = readdirSync(filesDir).filter((n) => n.endsWith('.CSV') && !n.startsWith('UPJSK'));

test('with JavaScript, dropped files join the chosen ones, each file shows its progress, and the confirmation follows', async ({ page }) => {
  await loginAs(page, 'sakura-cm1');
  await page.goto('/uploads/new');
  const input = page.getByLabel('送るファイル');
  const field = page.locator('.field', { has: input });
  await expect(field.getByText('ドラッグ＆ドロップして追加することもできます')).toBeVisible();

  // One file picked, the others dropped on the field.
  await input.setInputFiles(join(filesDir, names[0]));
  await expect(field.getByText('1件を選んでいます')).toBeVisible();
  const dropped = names.slice(1).map((name) => ({ name, data: readFileSync(join(filesDir, name)).toString('base64') }));
  const transfer = await page.evaluateHandle((files) => {
    const all = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      all.items.add(new File([bytes], f.name, { type: 'text/csv' }));
    }
    return all;
  }, dropped);
  await field.dispatchEvent('dragover', { dataTransfer: transfer });
  await field.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(field.getByText(`${names.length}件を選んでいます`)).toBeVisible();
  for (const name of names) await expect(field.getByText(name)).toBeVisible();

  // The upload waits at the network until the progress has been seen.
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(new URL(r.url()).pathname); });
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/uploads', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'アップロード' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '全体の進み具合' })).toBeVisible();
  for (const name of names) {
    await expect(page.getByRole('progressbar', { name: `${name}の進み具合` })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'アップロードして内容を確認する' })).toBeDisabled();
  release();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('内容を確認してください');
  await expect(page.getByRole('button', { name: `この内容で送信する（${names.length}件）` })).toBeVisible();
  // Sent once: the script went to the confirmation itself instead of posting the form again.
  expect(posts).toEqual(['/uploads']);
  await page.unroute('**/uploads');
});

test('with JavaScript, a refused upload comes back to the form with its error', async ({ page }) => {
  await loginAs(page, 'sakura-cm1');
  await page.goto('/uploads/new');
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(new URL(r.url()).pathname); });
  await page.getByLabel('送るファイル').setInputFiles({ name: 'empty.CSV', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ファイルを送る');
  await expect(page.getByRole('alert')).toContainText('選んだファイル「empty.CSV」は空です。');
  await expect(page).toHaveURL(/\/uploads\/new$/);
  expect(posts).toEqual(['/uploads']);
});
