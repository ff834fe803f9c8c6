// Driving the ImGui page like a user: the test asks window.nuanxin.locate(id) where a marked
// widget was drawn (ui/locator.h) and clicks there with real mouse events; the page's own state
// is only read, through window.nuanxin.summary().

/** Waits until the page drew `n` more frames than it had drawn when called. */
export async function frames(page, n = 2, timeoutMs = 10000) {
  const start = await page.evaluate(() => window.nuanxin.summary().frames);
  await page.waitForFunction((target) => window.nuanxin.summary().frames >= target, start + n,
    { timeout: timeoutMs, polling: 'raf' });
}

/** The widget's rectangle in CSS pixels once it is drawn (it may appear a frame later). */
export async function locate(page, id, timeoutMs = 15000) {
  try {
    const handle = await page.waitForFunction((which) => window.nuanxin.locate(which), id,
      { timeout: timeoutMs, polling: 100 });
    return await handle.jsonValue();
  } catch {
    const shown = await page.evaluate(() => window.nuanxin.summary()).catch(() => null);
    throw new Error(`widget ${id} was not drawn within ${timeoutMs / 1000} s (screen ${shown?.screen})`);
  }
}

/** Whether the widget is drawn now (no waiting beyond a couple of frames). */
export async function drawn(page, id) {
  await frames(page, 2);
  return page.evaluate((which) => window.nuanxin.locate(which) !== null, id);
}

/**
 * Clicks the middle of a widget: move, press and release in separate frames, as ImGui's buttons
 * see a real click (hover, then press, then release over the item).
 */
export async function click(page, id, timeoutMs) {
  const r = await locate(page, id, timeoutMs);
  const x = r.x + r.w / 2;
  const y = r.y + r.h / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
  return r;
}

/** Clicks `id` (a button opening the browser's file picker) and answers the picker with a file. */
export async function chooseFile(page, id, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 15000 }),
    click(page, id),
  ]);
  await chooser.setFiles(file);
}

/** Waits for `predicate(summary)` to hold, reporting the last summary when it never does. */
export async function until(page, what, predicate, arg, timeoutMs = 60000) {
  try {
    await page.waitForFunction(([source, a]) => {
      // eslint-disable-next-line no-new-func
      const fn = new Function('s', 'arg', `return (${source})(s, arg);`);
      return fn(window.nuanxin.summary(), a);
    }, [predicate.toString(), arg], { timeout: timeoutMs, polling: 200 });
  } catch {
    const last = await page.evaluate(() => window.nuanxin.summary()).catch(() => null);
    throw new Error(`${what} (last summary: ${JSON.stringify(last)})`);
  }
}

/** The summary's counts that must survive a reload. */
export const COUNTS = ['households', 'needs', 'offers', 'donors', 'allocations', 'proposed', 'approved'];

export async function counts(page) {
  return page.evaluate((keys) => {
    const s = window.nuanxin.summary();
    return Object.fromEntries(keys.map((k) => [k, s[k]]));
  }, COUNTS);
}

/**
 * Clicks a text field and types `text` (ASCII: playwright types other characters as one input
 * event that the page's keyboard handling does not see). Fields the tests type into again select
 * their whole text when clicked, so the typing replaces it.
 */
export async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.type(text, { delay: 15 });
  await frames(page, 3);
}

/** Opens a combo and clicks one of its entries (both named by the app). */
export async function choose(page, combo, entry) {
  await click(page, combo);
  await click(page, entry);
}

/**
 * Gives `user` an approver tier on the roles form (the volunteer screen's second tab) and waits
 * until the store knows one more user with a role (`user` must have none before).
 */
export async function giveRole(page, user, tier) {
  const before = (await summary(page)).users;
  await click(page, 'nav.volunteer');
  await click(page, 'volunteer.tab.admin');
  await typeInto(page, 'roles.user', user);
  await choose(page, 'roles.tier', `roles.tier.${tier}`);
  await click(page, 'roles.save');
  await until(page, `no role for ${user}`, (s, n) => s.users === n, before + 1);
}

/** Makes `name` the page's user through the menu bar's user control. */
export async function switchUser(page, name) {
  await typeInto(page, 'user.name', name);
  await click(page, 'user.apply');
  await until(page, `the user did not become ${name}`, (s, n) => s.user === n, name);
}

const FILES_SCREEN = 4; // ScreenId::Files in ui/app.h

/**
 * Drops a households CSV on the canvas, as a user dragging it from the desktop: the import
 * screen opens with its preview, the file is imported as households, and the store must then
 * hold `households` of them.
 */
export async function dropHouseholds(page, csvText, households) {
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'households.csv', { type: 'text/csv' }));
    return dt;
  }, csvText);
  await page.dispatchEvent('#canvas', 'dragover', { dataTransfer });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer });
  await until(page, 'the dropped file did not open the import screen', (s, n) => s.screen === n, FILES_SCREEN);
  if (await drawn(page, 'files.target.households')) await click(page, 'files.target.households');
  await click(page, 'files.import');
  await until(page, 'the import did not reach the store', (s, n) => s.households === n, households);
}

/** The whole summary, as the page reports it now. */
export function summary(page) {
  return page.evaluate(() => window.nuanxin.summary());
}

/**
 * The smallest id among the table rows drawn in the last frame whose marks begin with `prefix`
 * (ui/widgets/data_table.h names the rows in view "<prefix>.id.<id>"): with rows sorted by id,
 * how far the table has scrolled.
 */
export async function firstRowInView(page, prefix) {
  await frames(page, 3);
  const ids = await page.evaluate((p) => window.nuanxin.marked(`${p}.id.`), prefix);
  return Math.min(...ids.map((id) => Number(id.slice(prefix.length + 4))));
}
