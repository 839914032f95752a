// End to end: the first screen after the page loads is built in two steps
// (src/ui/first_paint.rs, issue #20) — the rows the window shows, then the
// rest of a long list after the first paint — and nothing is lost by it:
// every item arrives, what is typed in the meantime stays, focus stays, and a
// screen that must be whole at once (a reload scrolled down, a structural
// edit) is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForApp, freshApp, useBrowser } from './harness.mjs';

const app = useBrowser();

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const ITEMS = 60;
const FIRST_ROWS = 10;
const SECTION = Array.from({ length: ITEMS }, (_, i) => `${i + 1}. 第${i + 1}项工作。全年办理案件${i + 3}件。`).join('\n');

// Counts the rows built when the app removes its loading notice, i.e. before
// the first paint, and where focus is then.
const atReady = () => {
  new MutationObserver((_, obs) => {
    if (document.body && !document.getElementById('boot') && window.__ready === undefined) {
      window.__ready = {
        items: document.querySelectorAll('[data-testid=item]').length,
        drafts: document.querySelectorAll('.draft-list > li').length,
      };
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** `hash` opened in a new page that records (atReady) what stood at the first paint. */
async function openWatched(hash) {
  const page = await app.context.newPage();
  await page.addInitScript(atReady);
  await page.goto(`${app.server.url}${hash}`);
  return page;
}

async function longDraft(page) {
  await page.goto(app.server.url + '#/new');
  await box(page, '单位名称').fill('首屏测试局');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('task-row').first().waitFor();
  const id = page.url().match(/#\/draft\/([^/]+)/)[1];
  await page.goto(`${app.server.url}#/draft/${id}/section/0`);
  await page.getByRole('button', { name: /粘贴整段文字/ }).click();
  await box(page, '粘贴的文字').fill(SECTION);
  await page.getByRole('button', { name: '拆分并替换本部分' }).click();
  await box(page, `第 ${ITEMS} 条标题`).waitFor();
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  return id;
}

test('a long section opened on load shows the window first, then every item; typing in between is kept', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await longDraft(page);
  const fresh = await openWatched(`#/draft/${id}/section/0`);
  await fresh.waitForFunction(() => window.__ready);
  // Type at once, into the first item, while the rest may still be coming.
  await fresh.locator('#item-0-body').click();
  await fresh.keyboard.press('End');
  await fresh.keyboard.type('补充一句。');
  const ready = await fresh.evaluate(() => window.__ready);
  assert.equal(ready.items, FIRST_ROWS, 'only the first rows before the first paint');
  await box(fresh, `第 ${ITEMS} 条标题`).waitFor();
  assert.equal(await fresh.getByTestId('item').count(), ITEMS);
  assert.equal(await fresh.evaluate(() => document.activeElement?.id), 'item-0-body', 'focus stayed');
  await fresh.keyboard.type('再补一句。');
  // Each item shows its own text, in order.
  for (const n of [1, FIRST_ROWS, FIRST_ROWS + 1, ITEMS]) {
    assert.match(await fresh.locator(`#item-${n - 1}-body`).inputValue(), new RegExp(`全年办理案件${n + 2}件`));
  }
  await fresh.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await fresh.reload();
  await waitForApp(fresh);
  assert.equal(await fresh.locator('#item-0-body').inputValue(), '全年办理案件3件。补充一句。再补一句。');
  // A structural edit later rebuilds the page whole and focuses the new last item.
  await fresh.getByRole('button', { name: '＋ 添加一条' }).click();
  await box(fresh, `第 ${ITEMS + 1} 条标题`).waitFor();
  assert.equal(await fresh.evaluate(() => document.activeElement?.id), `item-${ITEMS}-title`);
  assert.equal(await fresh.getByTestId('item').count(), ITEMS + 1);
  await fresh.close();
  await page.close();
});

test('a reload that returns to a scrolled position builds the section whole at once', async () => {
  const page = await freshApp(app.context, app.server.url);
  const id = await longDraft(page);
  const fresh = await openWatched(`#/draft/${id}/section/0`);
  await box(fresh, `第 ${ITEMS} 条标题`).waitFor();
  // Where the app keeps the scroll position of a screen (browser::remember_scroll).
  await fresh.evaluate(() => history.replaceState(2400, ''));
  await fresh.reload();
  await fresh.waitForFunction(() => window.__ready);
  assert.equal((await fresh.evaluate(() => window.__ready)).items, ITEMS);
  await fresh.close();
  await page.close();
});

test('the library with many drafts shows its first rows, then all of them', async () => {
  const page = await freshApp(app.context, app.server.url);
  await longDraft(page);
  // Fourteen more drafts, as copies of the stored one under new ids.
  await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('fazhi-report/index'));
    const [entry] = index;
    const json = localStorage.getItem(`fazhi-report/draft/${entry.id}`);
    for (let i = 0; i < 14; i++) {
      const id = `${entry.id}-copy${i}`;
      localStorage.setItem(`fazhi-report/draft/${id}`, json.replace(`"id":"${entry.id}"`, `"id":"${id}"`));
      index.push({ ...entry, id, edited: entry.edited - i - 1 });
    }
    localStorage.setItem('fazhi-report/index', JSON.stringify(index));
  });
  const fresh = await openWatched('#/');
  await fresh.waitForFunction(() => window.__ready);
  assert.equal((await fresh.evaluate(() => window.__ready)).drafts, FIRST_ROWS);
  await fresh.waitForFunction((n) => document.querySelectorAll('.draft-list > li').length === n, 15);
  // Going to another screen and back builds the library whole at once.
  await fresh.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '新建报告' }).click();
  await box(fresh, '单位名称').waitFor();
  await fresh.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '草稿库' }).click();
  await fresh.getByRole('heading', { name: '草稿库' }).waitFor();
  assert.equal(await fresh.locator('.draft-list > li').count(), 15);
  await fresh.close();
  await page.close();
});
