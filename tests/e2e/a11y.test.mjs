// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every screen of the
// app, at 1366×768 — start, library, help, task list, a section, the check
// page, history, merge (empty, with a conflict, another unit's file) and the reviewer's desk (also while busy: reading a batch, opening after a reload; and with files to pick again) — with a report in it. Zero violations is the bar.
// axe is evaluated through the DevTools protocol, so the page's CSP does not
// need to allow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { freshApp, waitForApp, ROOT, OUT, useBrowser, launch } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const app = useBrowser();

async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

test('axe-core finds no WCAG 2.1 AA violation on any screen', async () => {
  const page = await freshApp(app.context, app.server.url);
  const found = {};
  const check = async (name) => {
    const v = await violations(page);
    if (v.length) found[name] = v;
  };
  await check('草稿库（空）');
  await page.getByRole('link', { name: '新建报告' }).click();
  await page.getByRole('heading', { name: '开始撰写法治政府建设年度报告' }).waitFor();
  await check('新建报告');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('start-errors').waitFor();
  await check('新建报告（有错误）');
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('青石市临溪区东门街道办事处');
  await page.getByRole('textbox', { name: '成文日期（可选）' }).fill('下周一');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('start-errors').filter({ hasText: '下周一' }).waitFor();
  await check('新建报告（成文日期有误）');
  await page.getByRole('link', { name: '帮助' }).click();
  await page.getByRole('heading', { name: '帮助和关于' }).waitFor();
  await check('帮助');
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('task-row').first().waitFor();
  await check('任务列表');
  await page.getByRole('textbox', { name: '成文日期' }).fill('下周一');
  await page.getByRole('textbox', { name: '成文日期' }).press('Tab');
  await page.locator('#frame-date-error').waitFor();
  await check('任务列表（成文日期有误）');
  await page.getByRole('textbox', { name: '成文日期' }).fill('');
  await page.getByRole('textbox', { name: '成文日期' }).press('Tab');
  await page.locator('#frame-date-error').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  await check('章节编辑');
  // Another tab opens the same draft: this one follows it, read-only.
  const otherTab = await app.context.newPage();
  await otherTab.goto(page.url());
  await waitForApp(otherTab);
  await page.getByTestId('follow-band').filter({ hasText: '另一个标签页中打开编辑' }).waitFor();
  await check('章节编辑（另一标签页在编辑）');
  await page.getByRole('button', { name: '在此标签页编辑' }).click();
  await page.getByTestId('follow-band').waitFor({ state: 'detached' });
  await otherTab.close();
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  await page.getByTestId('findings-summary').waitFor();
  await check('检查并导出');
  const first = page.getByTestId('finding').first();
  await first.getByRole('button', { name: /^忽略/ }).click();
  await first.getByLabel('忽略的理由（可不填）').waitFor();
  await check('检查并导出（填写忽略理由）');
  await page.keyboard.type('已核对');
  await first.getByRole('button', { name: '确定忽略' }).click();
  await page.getByTestId('findings-aside').waitFor();
  await check('检查并导出（已忽略）');
  await page.goBack();
  await page.getByRole('button', { name: '历史版本' }).click();
  await page.getByRole('heading', { name: '历史版本' }).waitFor();
  await check('历史版本');
  await page.goBack();
  await page.getByRole('button', { name: '合并同事的修改' }).click();
  await page.getByRole('heading', { name: '合并同事修改的版本' }).waitFor();
  await check('合并同事的修改');
  // A colleague's reply to a share file, after I edited the same item: a
  // conflict (发出时 / 我的 / 对方的), their change offered, mine kept.
  await page.getByRole('button', { name: '返回任务列表' }).click();
  await page.getByRole('button', { name: '检查并导出' }).click();
  const [shared] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出分享文件' }).click()]);
  const reply = path.join(OUT, 'a11y-reply.fzbg.json');
  fs.writeFileSync(reply, fs.readFileSync(await shared.path(), 'utf8')
    .replace('考试通过率达到100%', '考试参考率和通过率均达到100%')
    .replace('实际成效不够理想。', '实际成效不够理想，群众获得感不强。'));
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  await page.getByRole('link', { name: /^一、/ }).click();
  const body = page.getByRole('textbox', { name: '第 1 条正文' });
  await body.fill((await body.inputValue()).replace('考试通过率达到100%', '考试通过率达到100%，优秀率达到85%'));
  await page.getByRole('button', { name: '← 返回任务列表' }).first().click();
  await page.getByRole('button', { name: '合并同事的修改' }).click();
  await page.getByLabel('选择对方的文件').setInputFiles(reply);
  await page.getByTestId('merge-conflict').waitFor();
  await check('合并同事的修改（冲突）');
  // Another unit's report: named, offered as a new draft.
  const other = path.join(OUT, 'a11y-other-unit.txt');
  fs.writeFileSync(other, '某县市场监管局2022年度法治政府建设情况报告\n' + fs.readFileSync(SEED, 'utf8').replaceAll('区国资委', '某县市场监管局'));
  await page.getByLabel('选择对方的文件').setInputFiles(other);
  await page.getByTestId('merge-mismatch').waitFor();
  await check('合并同事的修改（另一份报告）');
  await page.getByRole('button', { name: '仍要与当前草稿对比合并' }).click();
  await page.getByTestId('merge-part').first().waitFor();
  await check('合并同事的修改（仍要合并）');
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  await check('草稿库');
  // Unreadable data in the library, and the question asked before deleting it.
  await page.evaluate(() => localStorage.setItem('fazhi-report/draft/broken', '{"id":"broken'));
  await page.reload();
  await waitForApp(page);
  const unreadable = page.getByRole('region', { name: '无法读取的数据' });
  await unreadable.waitFor();
  await check('草稿库（无法读取的数据）');
  await unreadable.getByRole('button', { name: /^删除 / }).click();
  await unreadable.getByRole('button', { name: '确认删除' }).waitFor();
  await check('草稿库（确认删除）');
  await unreadable.getByRole('button', { name: '确认删除' }).click();
  await unreadable.waitFor({ state: 'detached' });
  // The reviewer's desk: the table, one report with its opinion, a copied pair.
  const review = path.join(ROOT, 'tests', 'fixtures', 'review', 'reports');
  await page.getByRole('link', { name: '审阅多份报告' }).first().click();
  await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
  await check('审阅多份报告（空）');
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(['04-区市场监管局.txt', '05-区城市管理局.txt', '14-会议通知.txt'].map((f) => path.join(review, f)));
  await page.locator('.pair-list li').waitFor();
  await check('审阅多份报告');
  await page.getByRole('link', { name: '04-区市场监管局.txt' }).first().click();
  await page.getByRole('heading', { name: /区市场监管局 · 04/, level: 1 }).waitFor();
  await check('审阅：一份报告');
  await page.goBack();
  await page.locator('.pair-list a').click();
  await page.getByRole('heading', { name: /的雷同段落/ }).waitFor();
  await check('审阅：雷同段落');
  // A paragraph four reports share: listed once under 多份报告共有的段落.
  const sharedDir = path.join(OUT, 'a11y-shared');
  fs.mkdirSync(sharedDir, { recursive: true });
  const sharedFiles = ['甲局', '乙局', '丙局', '丁局'].map((u, i) => {
    const file = path.join(sharedDir, `${u}.txt`);
    fs.writeFileSync(file, `${u}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. 本单位第${i + 1}项独有的工作。全年办理相关事项${10 + i * 7}件，同比增长${3 + i}%。\n2. 强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷86卷，发现问题12个，已全部整改到位。\n`);
    return file;
  });
  await page.goto(`${app.server.url}#/review`);
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(sharedFiles);
  await page.getByRole('region', { name: '多份报告共有的段落' }).waitFor({ timeout: 60000 });
  await check('审阅多份报告（多份报告共有的段落）');
  // Reports not kept here (storage full, or a desk restored from a backup):
  // the rows and the band ask for the files again.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/review-text/')).forEach((k) => localStorage.removeItem(k)));
  await page.goto(`${app.server.url}#/review`);
  await page.reload();
  await waitForApp(page);
  await page.locator('.mark-waiting').first().waitFor();
  await check('审阅多份报告（请再次选择文件）');
  await page.close();
  assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
});

// The desk while it is busy: reading a batch, and opening a kept review
// after a reload (the report page waits with the progress bar). The page's
// clock is paused so the busy state holds still; axe (which needs timers)
// then runs on a copy of that page's markup, served beside the app so its
// styles apply, without the app's scripts.
test('axe-core finds no WCAG 2.1 AA violation on the reviewer\'s desk while it is busy', async () => {
  const ctx = await launch();
  try {
    const page = await freshApp(ctx, app.server.url);
    const found = {};
    // Each busy state's markup, taken while the clock is paused, is checked
    // once the clock runs again (axe needs timers).
    const states = {};
    let checked = 0;
    const hold = async (name, shot) => {
      states[name] = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '');
      await page.screenshot({ path: path.join(OUT, shot) });
    };
    const check = async () => {
      await page.clock.resume();
      for (const [name, html] of Object.entries(states)) {
        const copy = await ctx.newPage();
        await copy.route(`${app.server.url}/frozen.html`, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
        await copy.goto(`${app.server.url}/frozen.html`);
        const v = await violations(copy);
        if (v.length) found[name] = v;
        await copy.close();
        delete states[name];
        checked += 1;
      }
    };
    const review = path.join(ROOT, 'tests', 'fixtures', 'review', 'reports');
    await page.getByRole('link', { name: '审阅多份报告' }).first().click();
    await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
    await page.clock.install({ time: new Date('2026-12-04T08:00:00+08:00') });
    await page.clock.pauseAt(new Date('2026-12-04T08:00:01+08:00'));
    await page.getByLabel('选择报告文件（可多选）').setInputFiles(['04-区市场监管局.txt', '05-区城市管理局.txt', '14-会议通知.txt'].map((f) => path.join(review, f)));
    const label = page.locator('label[for=review-progress]');
    await label.filter({ hasText: '正在读取并检查：3 / 3 个文件' }).waitFor();
    await hold('审阅多份报告（正在读取）', 'review-busy-reading.png');
    // One turn of the page on: the comparison (done in one slice while the
    // clock stands still) waits for the next turn with its own label.
    await page.clock.runFor(0);
    await label.filter({ hasText: '正在比对各报告之间的雷同段落' }).waitFor();
    await hold('审阅多份报告（正在比对）', 'review-busy-comparing.png');
    await check();
    await page.locator('.pair-list li').waitFor();
    await page.clock.pauseAt(new Date('2026-12-04T08:01:00+08:00'));
    await page.goto(`${app.server.url}#/review/report/0`);
    await page.reload();
    await label.filter({ hasText: '正在打开上次保存的审阅：0 / 3 份报告' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '正在打开审阅');
    await hold('审阅：一份报告（正在打开）', 'review-busy-opening.png');
    await check();
    await page.getByRole('heading', { name: /区市场监管局 · 04/, level: 1 }).waitFor();
    assert.equal(checked, 3);
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
  } finally {
    await ctx.close();
  }
});
