// A tour of every screen at 1366×768 for people to look at (tests/e2e/out/);
// also checks the screens carry no horizontal overflow at that size and at 200% zoom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitForApp, freshApp, OUT, ROOT, useBrowser } from './harness.mjs';

const app = useBrowser();

async function noHorizontalOverflow(page, label) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 0, `${label}: page is ${over}px wider than the window`);
}

test('screens at 1366x768 and at 200% zoom', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('临川市青石区市场监督管理局');
  // The whole form, the 公文 frame's fields below the fold included (README).
  await page.screenshot({ path: path.join(OUT, 'start.png'), fullPage: true });
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('task-row').first().waitFor();

  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).fill('健全依法行政制度体系');
  await page.getByRole('textbox', { name: '第 1 条正文' }).fill('一是全年审查规范性文件12件，提出修改意见35条。二是清理涉及营商环境的文件46件，废止3件。');
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 2 条标题' }).fill('严格规范公正文明执法');
  await page.getByRole('textbox', { name: '第 2 条正文' }).fill('一是开展“双随机、一公开”抽查86次。二是组织执法人员培训4期，参训320人次。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'section.png') });
  await noHorizontalOverflow(page, 'section');

  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByTestId('task-row').first().waitFor();
  await page.screenshot({ path: path.join(OUT, 'tasklist.png') });
  await noHorizontalOverflow(page, 'task list');

  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByRole('heading', { name: '检查并导出' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'check.png') });
  await page.locator('.gongwen').scrollIntoViewIfNeeded();
  await page.locator('.gongwen').screenshot({ path: path.join(OUT, 'gongwen.png') });
  await noHorizontalOverflow(page, 'check');

  await page.getByRole('link', { name: '帮助' }).click();
  await page.getByRole('heading', { name: '帮助和关于' }).waitFor();
  assert.match(await page.locator('.help').innerText(), /版本 \d+\.\d+\.\d+/);
  assert.match(await page.locator('.help').innerText(), /从备份恢复/);
  await page.screenshot({ path: path.join(OUT, 'help.png'), fullPage: true });
  await noHorizontalOverflow(page, 'help');
  await page.goBack();

  // 200% zoom: the same screens in a window half as wide, with twice the device pixels.
  const zoomed = await app.context.browser()?.newContext?.({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  const z = zoomed ? await zoomed.newPage() : page;
  if (!zoomed) await page.setViewportSize({ width: 683, height: 384 });
  for (const hash of ['#/', '#/new', '#/help']) {
    await z.goto(app.server.url + hash);
    await waitForApp(z);
    await noHorizontalOverflow(z, `zoom ${hash}`);
  }
  await page.setViewportSize({ width: 683, height: 384 });
  await page.goBack();
  await page.getByTestId('task-row').first().waitFor();
  await noHorizontalOverflow(page, 'zoom task list');
  await page.screenshot({ path: path.join(OUT, 'tasklist-200.png') });
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).waitFor();
  await noHorizontalOverflow(page, 'zoom section');
  await page.screenshot({ path: path.join(OUT, 'section-200.png') });
  // The reviewer's desk: its wide table scrolls in its own box, the page does not.
  const reports = path.join(ROOT, 'tests', 'fixtures', 'review', 'reports');
  await page.goto(app.server.url + '#/review');
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(fs.readdirSync(reports).sort().slice(0, 4).map((f) => path.join(reports, f)));
  await page.getByTestId('notice').filter({ hasText: '已读取 4 个文件' }).waitFor({ timeout: 60000 });
  await noHorizontalOverflow(page, 'zoom review desk');
  await page.goto(app.server.url + '#/review/report/0');
  await page.getByRole('heading', { name: '审核意见' }).waitFor();
  await noHorizontalOverflow(page, 'zoom review report');
  await page.close();
});
