#!/usr/bin/env node
// browser.reject_reason: rejecting proposals on the matching screen asks for the reason first,
// with real clicks (ui/locator.h ids), on a fresh profile with ?demo:
//   1. a matching run; every proposal selected; match.reject opens the reason modal and nothing
//      changes while it is open; its OK is refused without a reason;
//   2. reason.cancel: every proposal is still proposed;
//   3. match.reject again, a reason typed, reason.ok: every proposal rejected in one go.
// usage: node reject_reason.mjs --site DIR [--serve serve.mjs] [--timeout S]
import { openPage, runBrowserTest } from './harness.mjs';
import { click, counts, frames, typeInto, until } from './ui.mjs';

async function run(args, failures) {
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    const check = (ok, what) => { if (!ok) failures.push(what); };
    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await until(page, 'the demo did not load', (s) => s.frames > 2 && s.households > 0, null, args.timeout * 1000);
    await click(page, 'nav.matching');
    await click(page, 'match.run');
    await until(page, 'the matching never ended with proposals', (s) => !s.matching && s.proposed > 0,
      null, args.timeout * 1000);
    const matched = await counts(page);

    // 1. The modal is open: nothing rejected yet, and OK without a reason does nothing.
    await click(page, 'match.select_all');
    await click(page, 'match.reject');
    await frames(page, 5);
    await click(page, 'reason.ok');
    await frames(page, 5);
    const waiting = await counts(page);
    check(waiting.proposed === matched.proposed, `${matched.proposed - waiting.proposed} rejected without a reason`);

    // 2. Cancelled: still all proposed.
    await click(page, 'reason.cancel');
    await frames(page, 5);
    const cancelled = await counts(page);
    check(cancelled.proposed === matched.proposed, `${matched.proposed - cancelled.proposed} rejected after cancel`);

    // 3. With a reason: all rejected (they stay as allocations, no longer proposed).
    await click(page, 'match.reject');
    await typeInto(page, 'reason.text', 'registered twice');
    await click(page, 'reason.ok');
    await until(page, 'the proposals were not rejected', (s) => s.proposed === 0, null, 30000);
    const rejected = await counts(page);
    check(rejected.allocations === matched.allocations && rejected.approved === 0,
      `after rejecting: ${JSON.stringify(rejected)} (before ${JSON.stringify(matched)})`);
    console.log(`browser.reject_reason: ${matched.proposed} proposals; open modal and cancel kept them; rejected with a reason: ${JSON.stringify(rejected)}`);
    for (const e of pageErrors) failures.push(`page error: ${e}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.reject_reason', run, { required: ['site'], timeout: 120 });
