// End to end, as a first-time author: the start screen, two items in every
// section, one moved, a reload, and the export — once with the mouse, once
// with the keyboard only (Tab, Enter, Space, Alt+arrows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { waitForApp, freshApp, useBrowser } from './harness.mjs';

const app = useBrowser();

const HEADINGS = [
  '一、2025年度推进法治政府建设的主要举措和成效',
  '二、2025年度推进法治政府建设存在的不足和原因',
  '三、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  '四、2026年度推进法治政府建设的主要安排',
  '五、其他需要报告的情况',
];

/** What the export must be: the items of section n are A{n} and B{n}, with A1/B1 swapped. */
function expectedExport(unit) {
  const lines = [
    `${unit}2025年度法治政府建设情况报告`,
    // The quick start's 主送机关, suggested from the unit's name (issue #24).
    `${unit.replace(/区.*$/, '区')}人民政府：`,
    `为深入推进法治政府建设，按照《法治政府建设与责任落实督察工作规定》要求，现将${unit}2025年度法治政府建设工作情况报告如下。`,
  ];
  HEADINGS.forEach((h, n) => {
    lines.push(h);
    const items = [[`标题甲${n + 1}`, `正文甲${n + 1}，共${n + 1}项。`], [`标题乙${n + 1}`, `正文乙${n + 1}。`]];
    if (n === 0) items.reverse();
    items.forEach(([t, b], i) => lines.push(`${i + 1}. ${t}。${b}`));
  });
  // The 署名: the unit's name, a blank line below the last part.
  lines.push('', unit);
  return lines.join('\n');
}

const newPage = () => freshApp(app.context, app.server.url);

async function exportText(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).first().click(),
  ]);
  return fs.readFileSync(await download.path(), 'utf8');
}

test('a new author fills every section with the mouse; moves an item; reloads; exports', async () => {
  const page = await newPage();
  const unit = '临川市青石区司法局';
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill(unit);
  await page.getByRole('textbox', { name: '报告年度', exact: true }).fill('2025');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: HEADINGS[0] }).click();
  for (let n = 0; n < 5; n++) {
    await page.getByRole('heading', { name: HEADINGS[n] }).waitFor();
    for (const [i, who] of [[1, '甲'], [2, '乙']]) {
      await page.getByRole('button', { name: '＋ 添加一条' }).click();
      await page.getByRole('textbox', { name: `第 ${i} 条标题` }).fill(`标题${who}${n + 1}`);
      await page.getByRole('textbox', { name: `第 ${i} 条正文` }).fill(i === 1 ? `正文甲${n + 1}，共${n + 1}项。` : `正文乙${n + 1}。`);
    }
    if (n === 0) {
      await page.getByRole('button', { name: '第 2 条上移' }).click();
      assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).inputValue(), '标题乙1');
      // And back down, then up again: both buttons work.
      await page.getByRole('button', { name: '第 1 条下移' }).click();
      assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).inputValue(), '标题甲1');
      assert.equal(await page.getByRole('button', { name: '第 2 条下移' }).isDisabled(), true);
      await page.getByRole('button', { name: '第 2 条上移' }).click();
      assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).inputValue(), '标题乙1');
    }
    if (n < 4) await page.getByRole('link', { name: '下一部分 →' }).click();
  }
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  assert.equal(await exportText(page), expectedExport(unit));
  await page.close();
});

test('the same flow by keyboard only, with visible focus', async () => {
  const page = await newPage();
  const unit = '临川市青石区应急管理局';
  const press = (key, times = 1) => (async () => { for (let i = 0; i < times; i++) await page.keyboard.press(key); })();
  const focusedName = () => page.evaluate(() => {
    const el = document.activeElement;
    const label = el.id && document.querySelector(`label[for="${el.id}"]`);
    return (label ? label.textContent : el.textContent || '').trim();
  });
  const tabTo = async (name) => {
    for (let i = 0; i < 60; i++) {
      if ((await focusedName()) === name) return;
      await press('Tab');
    }
    throw new Error(`could not reach "${name}" with Tab`);
  };

  await tabTo('单位名称');
  // The focused field shows a focus ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.type(unit);
  await tabTo('报告年度');
  await press('Control+A');
  await page.keyboard.type('2025');
  await press('Enter');
  await page.getByTestId('task-row').first().waitFor();
  await tabTo(HEADINGS[0]);
  await press('Enter');
  for (let n = 0; n < 5; n++) {
    await page.getByRole('heading', { name: HEADINGS[n] }).waitFor();
    for (const [i, who] of [[1, '甲'], [2, '乙']]) {
      await tabTo('＋ 添加一条');
      await press('Enter');
      // Focus lands on the new item's title.
      await page.waitForFunction((id) => document.activeElement?.id === id, `item-${i - 1}-title`);
      await page.keyboard.type(`标题${who}${n + 1}`);
      await press('Tab');
      await page.keyboard.type(i === 1 ? `正文甲${n + 1}，共${n + 1}项。` : `正文乙${n + 1}。`);
    }
    if (n === 0) {
      // Alt+↑ in the second item's body moves it up; the focus follows it,
      // in the same field (the body).
      await press('Alt+ArrowUp');
      await page.waitForFunction(() => document.activeElement?.id === 'item-0-body');
      assert.equal(await page.getByRole('textbox', { name: '第 1 条标题' }).inputValue(), '标题乙1');
    }
    if (n < 4) {
      await tabTo('下一部分 →');
      await press('Enter');
    }
  }
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.reload();
  await waitForApp(page);
  await tabTo('← 返回任务列表');
  await press('Enter');
  await tabTo('检查并导出');
  await press('Enter');
  await page.getByRole('heading', { name: '检查并导出' }).waitFor();
  await tabTo('导出文本文件（.txt）');
  const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), expectedExport(unit));
  await page.close();
});

test('points inside an item are renumbered on request', async () => {
  const page = await newPage();
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('分点测试局');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('button', { name: '＋ 添加一条' }).click();
  await page.getByRole('textbox', { name: '第 1 条标题' }).fill('规范执法');
  await page.getByRole('textbox', { name: '第 1 条正文' }).fill('一是检查企业36家。三是办理案件12件。四是培训2期。');
  await page.getByRole('button', { name: '重排第 1 条的“一是、二是”' }).click();
  await page.waitForFunction(() => document.getElementById('item-0-body')?.value === '一是检查企业36家。二是办理案件12件。三是培训2期。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByRole('textbox', { name: '第 1 条正文' }).inputValue(), '一是检查企业36家。二是办理案件12件。三是培训2期。');
  await page.close();
});

test('the start screen offers the year being reported on: from November the current one', async () => {
  for (const [now, offered] of [['2026-12-01T09:00:00+08:00', '2026'], ['2027-02-10T09:00:00+08:00', '2026'], ['2026-06-15T09:00:00+08:00', '2025']]) {
    const page = await app.context.newPage();
    await page.clock.setFixedTime(new Date(now));
    await page.goto(app.server.url);
    await waitForApp(page);
    await page.evaluate(() => localStorage.clear());
    await page.goto(app.server.url + '#/new');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getByRole('textbox', { name: '报告年度', exact: true }).inputValue(), offered, `on ${now}`);
    await page.close();
  }
});
