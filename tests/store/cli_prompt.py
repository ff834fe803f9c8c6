#!/usr/bin/env python3
"""store.cli_prompt: on a terminal, the CLI asks for an encrypted store's passphrase without
echoing it (a pseudo-terminal stands in for the user's):
  1. a store created encrypted by its first import (passphrase from a file);
  2. `check` with no passphrase given, on the terminal: the prompt names the store; the right
     passphrase typed opens it (households counted, check passed) and never appears in what the
     terminal shows;
  3. a wrong one typed: refused as a wrong passphrase;
  4. standard input not a terminal: refused at once, no prompt.
usage: cli_prompt.py CLI DATA_DIR WORKDIR"""
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time

PASSPHRASE = "winter warmth 2026"


def on_terminal(cli, args, typed, env):
    """Runs cli with args on a new pseudo-terminal, types `typed` once the prompt shows; returns
    (exit status, everything the terminal showed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(cli, [cli] + args, env)
    shown = b""
    sent = False
    deadline = time.monotonic() + 60
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:  # waiting for input it will never get: fail instead of hanging
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return -1, shown.decode("utf-8", "replace") + "\n[no end within 60 s]\n"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        if not sent and b"passphrase to open it" in shown:
            os.write(fd, typed.encode() + b"\n")
            sent = True
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def main():
    cli, data, work = sys.argv[1:4]
    try:  # a machine without pseudo-terminals cannot run this test: skipped, not failed
        master, slave = pty.openpty()
        os.close(master)
        os.close(slave)
    except OSError as e:
        print(f"store.cli_prompt: skipped, no pseudo-terminal ({e})")
        return 77
    store = os.path.join(work, "prompt-store")
    shutil.rmtree(store, ignore_errors=True)
    os.makedirs(work, exist_ok=True)
    pass_file = os.path.join(work, "prompt.pass")
    with open(pass_file, "w", encoding="utf-8") as f:
        f.write(PASSPHRASE + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NUANXIN_")}
    subprocess.run([cli, "--lang", "en", "import", "households", os.path.join(data, "households_gb18030.csv"),
                    "--store", store, "--org", "test org", "--passphrase-file", pass_file],
                   check=True, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    failures = []

    rc, shown = on_terminal(cli, ["--lang", "en", "check", "--store", store], PASSPHRASE, env)
    print(f"$ nuanxin check (passphrase typed)\n{shown}(exit {rc})")
    if rc != 0 or "Households 3" not in shown or "check passed" not in shown:
        failures.append(f"the typed passphrase did not open the store (exit {rc})")
    if store not in shown:
        failures.append("the prompt does not name the store")
    if PASSPHRASE in shown:
        failures.append("the passphrase was echoed on the terminal")

    rc, shown = on_terminal(cli, ["--lang", "en", "check", "--store", store], "not the passphrase", env)
    print(f"$ nuanxin check (wrong passphrase typed)\n{shown}(exit {rc})")
    if rc == 0 or "wrong passphrase" not in shown:
        failures.append(f"a wrong typed passphrase was not refused (exit {rc})")

    done = subprocess.run([cli, "--lang", "en", "check", "--store", store], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    print(f"$ nuanxin check < /dev/null\n{done.stdout}{done.stderr}(exit {done.returncode})")
    if done.returncode == 0 or "passphrase to open it" in done.stderr:
        failures.append("without a terminal the CLI prompted or opened the store")

    for f in failures:
        print("store.cli_prompt: " + f)
    print("store.cli_prompt: " + ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
