"""desktop.smoke, run inside xvfb-run by smoke.sh (see there for what it checks)."""
import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from desktop_driver import Desktop, DriverError, colours, screenshot  # noqa: E402

MIN_COLOURS = 20
BUILTINS = {"national", "sichuan", "hebei", "shanxi"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--plugin-id", default="")
    args = ap.parse_args()

    with open(args.data, encoding="utf-8") as f:
        dataset = json.load(f)["dataset"]  # {"format": "nuanxin-dataset", "dataset": {...}}
    expected = {k: len(dataset.get(k, [])) for k in ("households", "needs", "offers")}
    failures = []
    if expected["households"] == 0:
        failures.append("the data set has no households: nothing would really be checked")

    def check_plugins(summary, when):
        want = BUILTINS | ({args.plugin_id} if args.plugin_id else set())
        got = summary.get("plugins")
        if not isinstance(got, list) or set(got) != want or len(got) != len(want):
            failures.append(f"{when}: plugins in force {got}, expected {sorted(want)}")
        refusals = summary.get("plugin_refusals", [])
        if args.plugin_id:
            refused = [r for r in refusals if r.get("file", "").endswith("/plugins/unapproved.so")]
            if not refused or refused[0].get("reason") != "PluginNotApproved" \
                    or "unapproved.so: 已拒绝加载插件" not in refused[0].get("text", ""):
                failures.append(f"{when}: the unapproved copy was not refused by name: {refusals}")
            if len(refusals) != 1:
                failures.append(f"{when}: expected exactly one refusal: {refusals}")
        elif refusals:
            failures.append(f"{when}: refusals without plugin files: {refusals}")
        if summary.get("lang") != "zh":
            failures.append(f"{when}: default language is {summary.get('lang')!r}, expected 'zh'")

    shot = os.path.join(args.out, "desktop-smoke.png")
    app = Desktop(args.exe, os.path.join(args.out, "hook.json"),
                  ["--store", args.store, "--data", args.data],
                  log=os.path.join(args.out, "desktop.log"))
    try:
        first = app.summary()
        if first.get("households") != 0:
            failures.append(f"a fresh store should be empty: {first}")
        check_plugins(first, "first start")
        # The first visit offers the demo: click it as a user would.
        app.click("first.demo")
        app.wait(lambda h: h["summary"]["households"] > 0, "the demo to be loaded")
        app.wait(lambda h: h["summary"]["frames"] > first["frames"] + 30, "a few more frames")
        screenshot(shot)
        found = colours(shot)
        if found <= MIN_COLOURS:
            failures.append(f"screenshot {shot} looks blank: {found} distinct colours")
        print(f"desktop.smoke: screenshot {shot} ({found} colours)")
    except DriverError as e:
        failures.append(str(e))
    finally:
        rc = app.close()
        if rc != 0:
            failures.append(f"nuanxin-desktop exited with {rc} after Ctrl+Q")

    # The store as the app left it, read back by --self-test (no window interaction).
    done = subprocess.run([args.exe, "--store", args.store, "--self-test", "--frames", "30"],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        failures.append(f"--self-test exited with {done.returncode}: {done.stderr.strip()}")
    try:
        report = json.loads(done.stdout)
        summary = report["summary"]
        for key, want in expected.items():
            if summary.get(key) != want:
                failures.append(f"self-test: {key} is {summary.get(key)}, {args.data} holds {want}")
        check_plugins(summary, "self-test")
        if "nav.dashboard" not in report.get("locate", {}):
            failures.append(f"self-test: no widget rectangles: {report.get('locate')}")
        print(f"desktop.smoke: {json.dumps(summary, ensure_ascii=False)}")
    except (json.JSONDecodeError, KeyError) as e:
        failures.append(f"self-test output is not the hook JSON ({e}): {done.stdout[:400]}")

    if failures:
        print("desktop.smoke: FAILED\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("desktop.smoke: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
