// End to end (issue #27): the rough edges a first-time author meets, one test
// per point, as a person acts — each with a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const app = useBrowser();

const scrollY = (page) => page.evaluate(() => window.scrollY);
const activeText = (page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim().slice(0, 40)}`);

async function quickStart(page, unit, year) {
  await page.getByRole('link', { name: '新建报告' }).click();
  await page.getByLabel('单位名称').fill(unit);
  await page.getByLabel('县级以上地方政府').check();
  await page.getByLabel('报告年度').fill(year);
}

async function importSeed(page) {
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('task-row').first().waitFor();
}

test('1. every screen opens at its top with focus on its heading; back returns to where it was', async () => {
  const page = await freshApp(app.context, app.server.url);
  await quickStart(page, '某县人民政府', '2026');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await scrollY(page), 0, 'the task list opens at its top');
  // Scroll the task list, open part 二: its page opens at the top, heading focused.
  await page.evaluate(() => window.scrollTo(0, 400));
  const link = page.getByRole('link', { name: /^二、/ });
  // Where the page stands when the link is clicked (Playwright scrolls it into view first).
  await link.scrollIntoViewIfNeeded();
  const before = await scrollY(page);
  assert.ok(before > 0);
  await link.click();
  await page.getByRole('heading', { level: 1, name: /^二、/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await scrollY(page), 0);
  assert.match(await activeText(page), /^H1 二、/);
  // The next Tab goes into the page, not to its last control.
  await page.keyboard.press('Tab');
  assert.doesNotMatch(await activeText(page), /查看示例/);
  await page.screenshot({ path: path.join(OUT, 'rough-1-section-top.png') });
  // Back: the task list where it was scrolled.
  await page.goBack();
  await page.getByTestId('doc-title').waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before);
  await page.close();
});

test('2. a year typed with full-width digits is accepted; an error is shown at the field, focused', async () => {
  const page = await freshApp(app.context, app.server.url);
  await quickStart(page, '某县人民政府', '２０２６');
  assert.match(await page.locator('.title-preview').innerText(), /某县人民政府2026年度法治政府建设情况报告/);
  await page.getByLabel('报告年度').fill('20');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('start-errors').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'year');
  assert.equal(await page.locator('#year').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#year-error').innerText(), /四位数的报告年度/);
  const field = await page.locator('#year').boundingBox();
  const error = await page.locator('#year-error').boundingBox();
  assert.ok(Math.abs(field.y - error.y) < 80, 'the message stands at the field');
  await page.screenshot({ path: path.join(OUT, 'rough-2-year-error.png') });
  await page.getByLabel('报告年度').fill('２０２６');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: '某县人民政府2026年度' }).waitFor();
  await page.close();
});

test('3. a pasted 一是/二是 block becomes items (or one item) by choice; nothing found says where the text went', async () => {
  const page = await freshApp(app.context, app.server.url);
  await quickStart(page, '某县人民政府', '2026');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  await page.getByRole('button', { name: /粘贴整段文字/ }).click();
  await page.getByLabel('粘贴的文字').fill('今年重点抓了四项工作。一是加强组织领导，成立领导小组；二是健全制度，出台办法3项；三是强化培训，培训120人次；四是严格考核。');
  await page.getByText('共 4 点').waitFor();
  await page.screenshot({ path: path.join(OUT, 'rough-3-paste-choice.png') });
  await page.getByRole('button', { name: '每一点作为一条（共 4 条）' }).click();
  await page.getByTestId('notice').filter({ hasText: '拆分为 4 条' }).waitFor();
  assert.equal(await page.getByTestId('item').count(), 4);
  assert.equal(await page.getByRole('textbox', { name: '第 2 条标题' }).inputValue(), '健全制度，出台办法3项');
  // Plain text: said so, and it is in 本部分内容.
  await page.getByRole('button', { name: /粘贴整段文字/ }).click();
  await page.getByLabel('粘贴的文字').fill('全年开展执法检查12次，办理案件3件。');
  await page.getByRole('button', { name: '拆分并替换本部分' }).click();
  await page.getByTestId('notice').filter({ hasText: '没有找到“1.”“（一）”等条目编号' }).waitFor();
  assert.equal(await page.locator('#section-intro').inputValue(), '全年开展执法检查12次，办理案件3件。');
  // History names what happened.
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '历史版本' }).click();
  await page.getByRole('heading', { name: '历史版本' }).waitFor();
  assert.match(await page.locator('main').innerText(), /粘贴替换本部分前/);
  await page.close();
});

test('4. every action confirms itself: after 撤销删除, 备份全部 says the file and the count', async () => {
  const page = await freshApp(app.context, app.server.url);
  await importSeed(page);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  await page.getByTestId('draft-row').first().getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '撤销删除' }).click();
  await page.getByTestId('notice').filter({ hasText: '已恢复' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '备份全部' }).click(),
  ]);
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: '已下载备份文件' }).waitFor();
  assert.match(await notice.innerText(), /共 1 份草稿/);
  assert.doesNotMatch(await notice.innerText(), /已恢复/);
  assert.match(download.suggestedFilename(), /^法治报告助手备份-.*\.json$/);
  assert.match(await notice.innerText(), new RegExp(download.suggestedFilename().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.screenshot({ path: path.join(OUT, 'rough-4-backup-message.png') });
  await page.close();
});

test('5. at 683×384 (200 %) Tab through a long section: every focused element fully visible', async () => {
  const page = await freshApp(app.context, app.server.url);
  await importSeed(page);
  await page.setViewportSize({ width: 683, height: 384 });
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  await page.getByTestId('notice').getByRole('button', { name: '关闭提示' }).click().catch(() => {});
  const hidden = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const box = el.getBoundingClientRect();
      const alerts = document.querySelector('.alerts')?.getBoundingClientRect();
      const bottom = alerts && alerts.height > 0 ? alerts.top : window.innerHeight;
      const sticky = [...document.querySelectorAll('.toolbar')].filter((t) => getComputedStyle(t).position === 'sticky')
        .map((t) => t.getBoundingClientRect().bottom).filter((b) => b > 0);
      const top = sticky.length ? Math.max(...sticky) : 0;
      const visible = box.height === 0 || (box.top >= top - 1 && Math.min(box.bottom, box.top + 120) <= bottom + 1);
      return { visible, what: `${el.tagName}#${el.id} ${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 20)}`, top: box.top, bottom: box.bottom };
    });
    if (r && !r.visible) hidden.push(JSON.stringify(r));
  }
  await page.screenshot({ path: path.join(OUT, 'rough-5-zoom-200.png') });
  assert.deepEqual(hidden, [], 'focused elements hidden under the toolbar or the messages');
  const toolbar = await page.locator('.section-page .toolbar').evaluate((t) => getComputedStyle(t).position);
  assert.equal(toolbar, 'static', 'at 200 % the toolbar scrolls away');
  await page.close();
});

test('6. colours say what they mean, 重命名 focuses the name field, an empty item counts 0 字', async () => {
  const page = await freshApp(app.context, app.server.url);
  await quickStart(page, '某县人民政府', '2026');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).waitFor();
  assert.match(await page.locator('.section-page .toolbar .count').innerText(), /本部分 0 字/);
  // The check page: red only for errors.
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  const summary = page.getByTestId('findings-summary');
  await summary.waitFor();
  const colour = (loc) => loc.evaluate((el) => getComputedStyle(el).borderTopColor);
  // An empty draft has errors (empty parts): the summary is red.
  const rgb = async () => (await colour(summary)).match(/\d+/g).map(Number);
  const [er, eg] = await rgb();
  assert.ok(er > 2 * eg, 'errors are red');
  // Import the seed, fix everything, type causes: nothing found is green.
  await importSeed(page);
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByRole('button', { name: /一键改为全角标点/ }).click();
  await page.goto(page.url().replace(/\/check$/, '/section/1'));
  await page.getByRole('textbox', { name: '第 1 条正文' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('产生上述问题的主要原因是对理论学习重视不够。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  // The two warnings a reviewer raises on the seed (issue #17), checked by
  // the author and set aside.
  for (const rule of ['first-responsible-shufa', 'shortcoming-without-remedy']) {
    const item = summary.locator(`[data-testid="finding"][data-rule="${rule}"]`);
    await item.getByRole('button', { name: /^忽略/ }).click();
    await item.getByRole('button', { name: '确定忽略' }).click();
    await item.waitFor({ state: 'detached' });
  }
  await summary.getByRole('heading', { name: '检查结果：未发现问题' }).waitFor();
  assert.match(await summary.getAttribute('class'), /findings-ok/);
  const [r, g] = await rgb();
  assert.ok(g > r, `no problems is green, not red: rgb(${r}, ${g})`);
  await page.screenshot({ path: path.join(OUT, 'rough-6-no-problems.png') });
  // 重命名 puts focus in the name field.
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  await page.getByTestId('draft-row').first().getByRole('button', { name: '重命名' }).click();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
  await page.close();
});
