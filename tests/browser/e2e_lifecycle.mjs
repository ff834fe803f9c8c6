// browser.e2e, second part: from proposal to doorstep through the screens, after the first part
// imported, matched, approved everything and reloaded. Every expected figure comes from the CSV
// files the test wrote and from the rules of the national plugin, never from the app's output:
//   1. two more coal offers (300 kg each) whose amounts need tier 1 and tier 3 (two approvers)
//      under the national plugin; matching gives them out, and the coverage gap falls by 600 kg;
//   2. staff register a volunteer and give roles: lin (tier 1), zhao and qian (tier 3), wang (the
//      volunteer);
//   3. lin approves what waits for lin: the tier-3 allocation still waits; zhao approves it
//      (one of two), it still waits; qian approves it: nothing waits any more;
//   4. staff assign the new allocations (the newest rows) to the volunteer; wang, the volunteer,
//      marks each done on the volunteer screen (print view and CSV on the way); staff confirm;
//   5. the dashboard's delivered figure rose by the 600 kg delivered, its gap stayed at what the
//      offers leave open; the reports screen computes the day and downloads the areas CSV.
// A screenshot of each new screen goes to --out.
import { readFileSync } from 'node:fs';

import { offersCsv } from './fixtures.mjs';
import { choose, click, frames, giveRole, locate, summary, switchUser, typeInto, until } from './ui.mjs';

/** plugins/national/national.c: staff approve up to this value (setting staff_approval_max_yuan),
 *  above it the county bureau (tier 3), which takes two approvers (core/store/state.h). */
const STAFF_MAX_YUAN = 2000;
/** Yuan per kg of the two new offers: 300 kg at 1 yuan is tier 1; at 100 yuan tier 3 (any part of
 *  more than 20 kg would still be above the staff's limit, however the run splits it). */
const UNIT_YUAN = [1, 100];
const VOLUNTEER = { name: 'Wang Fang', phone: '13900002222', user: 'wang' };
const APPROVERS = [['lin', 1], ['zhao', 3], ['qian', 3]];
const WORK_SCREEN = 7; // ScreenId::Work in ui/app.h: where switching to an approver goes


/** Selects the first `n` rows of the work table (newest first: the allocations made last). */
async function selectNewest(page, n) {
  for (let i = 0; i < n; i += 1) await click(page, `work.row.${i}`);
}

export async function lifecycle(page, t) {
  const { failures, shot } = t;
  const began = Date.now();
  const log = (text) => console.log(`browser.e2e: ${text} (+${((Date.now() - began) / 1000).toFixed(1)} s)`);
  const needed = t.households.needs * t.coalKg;
  const given = t.offers.offers * t.offers.kg;
  const gapBefore = Math.max(0, needed - given);
  const start = await summary(page);
  log(`lifecycle starts with gap ${start.gap} kg (expected ${needed} - ${given}), `
    + `delivered ${start.delivered}`);
  if (start.gap !== gapBefore) failures.push(`gap before: ${start.gap}, the CSV files leave ${gapBefore}`);
  if (start.delivered !== 0) failures.push(`delivered before: ${start.delivered}, nothing was delivered yet`);

  // 1. Two more offers, one per approval tier, and a matching run.
  const extra = offersCsv(t.donor, '510000', { count: 2, kg: 300, unitYuan: UNIT_YUAN, first: t.offers.offers + 1 });
  const tiers = UNIT_YUAN.map((yuan) => (yuan * extra.kg <= STAFF_MAX_YUAN ? 1 : 3));
  if (!tiers.includes(1) || !tiers.includes(3)) throw new Error(`the new offers' tiers are ${tiers}`);
  const extraKg = extra.offers * extra.kg;
  const gapAfter = Math.max(0, gapBefore - extraKg);
  await click(page, 'nav.files');
  await t.importFile('offers-2.csv', extra, 'offers', 'offers', t.offers.offers + extra.offers);
  await click(page, 'nav.matching');
  await click(page, 'match.run');
  await until(page, 'the second run made no proposal', (s, n) => !s.matching && s.proposed > 0 && s.allocations > n,
    start.allocations, t.timeout * 1000);
  const matched = await summary(page);
  const fresh = matched.proposed;
  log(`the second run proposed ${fresh}; gap ${matched.gap} kg (expected ${gapAfter})`);
  if (matched.gap !== gapAfter) failures.push(`gap after the second run: ${matched.gap}, expected ${gapAfter}`);

  // 2. A volunteer and the users' roles (staff, on the volunteer screen's second tab).
  await click(page, 'nav.volunteer');
  await click(page, 'volunteer.tab.admin');
  await click(page, 'volunteers.add');
  await typeInto(page, 'volunteers.name', VOLUNTEER.name);
  await typeInto(page, 'volunteers.phone', VOLUNTEER.phone);
  await typeInto(page, 'volunteers.division', t.county);
  await click(page, 'volunteers.save');
  await until(page, 'the volunteer was not registered', (s) => s.volunteers === 1);
  for (const [user, tier] of APPROVERS) await giveRole(page, user, tier);
  const users = (await summary(page)).users;
  await typeInto(page, 'roles.user', VOLUNTEER.user);
  await choose(page, 'roles.volunteer', 'roles.volunteer.0');
  await click(page, 'roles.save');
  await until(page, 'the volunteer user got no role', (s, n) => s.users === n, users + 1);
  log(`screenshot ${await shot('volunteer-admin')}`);

  // 3. Approval at two tiers.
  await switchUser(page, 'lin');
  await until(page, 'an approver was not shown the work screen', (s, n) => s.screen === n, WORK_SCREEN);
  await click(page, 'work.select_all');
  await click(page, 'work.approve');
  await until(page, 'lin (tier 1) approved nothing', (s, n) => s.proposed < n, fresh);
  const afterLin = await summary(page);
  log(`lin approved ${fresh - afterLin.proposed}, ${afterLin.proposed} still wait`);
  if (afterLin.proposed === 0) failures.push('lin (tier 1) approved the allocation that needs tier 3');
  log(`screenshot ${await shot('work-approver')}`);
  await switchUser(page, 'zhao');
  await until(page, 'an approver was not shown the work screen', (s, n) => s.screen === n, WORK_SCREEN);
  await click(page, 'work.select_all');
  await click(page, 'work.approve');
  await until(page, 'zhao (tier 3) gave no approval', (s, n) => s.approvals > n, afterLin.approvals);
  const afterZhao = await summary(page);
  if (afterZhao.proposed !== afterLin.proposed) {
    failures.push(`one tier-3 approver made ${afterLin.proposed - afterZhao.proposed} approved: two are needed`);
  }
  await switchUser(page, 'qian');
  await until(page, 'an approver was not shown the work screen', (s, n) => s.screen === n, WORK_SCREEN);
  await click(page, 'work.select_all');
  await click(page, 'work.approve');
  await until(page, 'the second tier-3 approver did not complete the approval', (s) => s.proposed === 0);

  // 4. Assignment, delivery by the volunteer, confirmation.
  await switchUser(page, 'staff');
  await click(page, 'nav.work');
  await selectNewest(page, fresh);
  await choose(page, 'work.assign.volunteer', 'work.assign.volunteer.0');
  await click(page, 'work.assign');
  await until(page, `the ${fresh} new allocations were not assigned`, (s, n) => s.statuses.assigned === n, fresh);
  log(`screenshot ${await shot('work')}`);

  await switchUser(page, VOLUNTEER.user); // a volunteer is shown their own list
  await locate(page, 'volunteer.task.0');
  log(`screenshot ${await shot('volunteer')}`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click(page, 'volunteer.csv')]);
  const sheet = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  log(`${download.suggestedFilename()} has ${sheet.length - 1} rows`);
  if (sheet.length - 1 !== fresh) failures.push(`the volunteer's CSV has ${sheet.length - 1} rows, ${fresh} tasks were assigned`);
  await click(page, 'volunteer.print');
  await frames(page, 6);
  log(`screenshot ${await shot('volunteer-print')}`);
  await click(page, 'volunteer.print.close');
  for (let i = 0; i < fresh; i += 1) {
    await click(page, 'volunteer.task.0');
    if (i === 0) await typeInto(page, 'volunteer.done.note', 'handed over');
    await click(page, 'volunteer.done.ok');
    await until(page, `task ${i + 1} was not marked done`, (s, n) => s.statuses.delivered === n, i + 1);
  }
  const delivered = await summary(page);
  log(`delivered ${delivered.delivered} kg (expected ${extraKg}), gap ${delivered.gap}`);
  if (delivered.delivered !== start.delivered + extraKg) {
    failures.push(`delivered ${delivered.delivered} kg, expected ${start.delivered} + ${extraKg}`);
  }
  if (delivered.gap !== gapAfter) failures.push(`gap after the delivery: ${delivered.gap}, expected ${gapAfter}`);

  await switchUser(page, 'staff');
  await click(page, 'nav.work');
  await selectNewest(page, fresh);
  await click(page, 'work.confirm');
  await until(page, 'the deliveries were not confirmed', (s, n) => s.statuses.confirmed === n, fresh);

  // 5. The report of today, its areas CSV, and the last figures.
  await click(page, 'nav.reports');
  await click(page, 'reports.run');
  await locate(page, 'reports.csv.areas', t.timeout * 1000);
  await frames(page, 4);
  log(`screenshot ${await shot('reports')}`);
  const [areas] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click(page, 'reports.csv.areas')]);
  const areasCsv = readFileSync(await areas.path(), 'utf8');
  if (!areasCsv.startsWith('\uFEFF') || !areasCsv.includes(t.county)) {
    failures.push(`the areas CSV ${areas.suggestedFilename()} lacks the BOM or county ${t.county}`);
  }
  const end = await summary(page);
  log(`after confirming ${JSON.stringify(end.statuses)}, delivered ${end.delivered}, gap ${end.gap}`);
  if (end.delivered !== start.delivered + extraKg) failures.push(`delivered at the end: ${end.delivered}`);
  if (end.gap !== gapAfter) failures.push(`gap at the end: ${end.gap}, expected ${gapAfter}`);
}
