// End to end: a person opens the app, fills in the start screen, types into a
// section, reloads, and exports — in real headless Chromium, on dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitForApp, OUT, useBrowser } from './harness.mjs';

const app = useBrowser();

const EXPECTED_EXPORT = [
  '测试区司法局2025年度法治政府建设情况报告',
  // The quick start's 主送机关 (suggested from the unit's name) and 署名 (issue #24).
  '测试区人民政府：',
  '为深入推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将测试区司法局2025年度法治政府建设工作情况报告如下。',
  '一、2025年度推进法治政府建设的主要举措和成效',
  '1. 健全依法行政制度。一是审查规范性文件12件。',
  '2. 严格规范执法。一是开展执法检查36次。',
  '二、2025年度推进法治政府建设存在的不足和原因',
  '三、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  '四、2026年度推进法治政府建设的主要安排',
  '五、其他需要报告的情况',
  '无',
  '',
  '测试区司法局',
].join('\n');

test('start, type, reload: the text is still there; export gives the exact bytes', async () => {
  const page = await app.context.newPage();
  await page.goto(app.server.url);
  await waitForApp(page);
  await page.screenshot({ path: path.join(OUT, 'start.png') });

  // An empty unit name is refused with a message, not silently accepted.
  await page.getByRole('textbox', { name: '报告年度', exact: true }).fill('2025');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('alert').filter({ hasText: '请填写单位名称' }).waitFor();

  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('测试区司法局');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await assert.doesNotReject(page.getByTestId('doc-title').filter({ hasText: '测试区司法局2025年度' }).waitFor());

  // The task list shows the five sections; open the first and add two items.
  assert.equal(await page.getByTestId('task-row').count(), 5);
  await page.getByRole('link', { name: '一、2025年度推进法治政府建设的主要举措和成效' }).click();
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).fill('健全依法行政制度');
  await page.getByRole('textbox', { name: '第 1 条正文' }).fill('一是审查规范性文件12件。');
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 2 条标题' }).fill('严格规范执法');
  await page.getByRole('textbox', { name: '第 2 条正文' }).fill('一是开展执法检查36次。');
  // One section at a time: a second click before the next screen is built
  // would press the old screen's link again.
  for (const n of '二三四五') {
    await page.getByRole('link', { name: '下一部分 →' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${n}、`) }).waitFor();
  }
  await page.getByRole('textbox', { name: '本部分内容', exact: true }).fill('无');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'editor.png') });

  await page.goBack();
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('textbox', { name: '第 2 条正文', exact: true }).inputValue(), '一是开展执法检查36次。');
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByRole('heading', { name: '检查并导出' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click(),
  ]);
  assert.equal(download.suggestedFilename(), '测试区司法局2025年度法治政府建设情况报告.txt');
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual(bytes, Buffer.from(EXPECTED_EXPORT, 'utf8'));
  await page.close();
});

test('storage disabled by policy: the app opens, warns in Chinese, and still exports', async () => {
  const page = await app.context.newPage();
  // What a locked-down profile or some private modes do: any access throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(app.server.url);
  await waitForApp(page);
  const warning = page.getByTestId('storage-warning');
  await warning.filter({ hasText: '关闭标签页后将会丢失' }).waitFor();

  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('无存储测试局');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: '五、其他需要报告的情况' }).click();
  await page.getByRole('textbox', { name: '本部分内容', exact: true }).fill('无');
  await page.getByTestId('save-status').filter({ hasText: '仅保存在当前页面' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, 'storage-disabled.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: '导出文本文件（.txt）' }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.match(text, /^无存储测试局\d{4}年度法治政府建设情况报告\n/);
  assert.ok(text.endsWith('五、其他需要报告的情况\n无\n\n无存储测试局'), text.slice(-40));
  await page.close();
});
