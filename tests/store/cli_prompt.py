#!/usr/bin/env python3
"""store.cli_prompt: on a terminal, the CLI asks for an encrypted store's passphrase without
echoing it (a pseudo-terminal stands in for the user's):
  1. a store created encrypted by its first import (passphrase from a file);
  2. `check` with no passphrase given, on the terminal: the prompt names the store; the right
     passphrase typed opens it (households counted, check passed) and never appears in what the
     terminal shows;
  3. a wrong one typed: refused as a wrong passphrase;
  4. standard input not a terminal: refused at once, no prompt;
  5. `store passphrase` with nothing given: the current passphrase, then a new one twice, all
     typed; the new one opens the store, the old one no longer does;
  6. a new passphrase typed differently the second time: refused, the store unchanged;
  7. `store encrypt` of a plain store, the new passphrase typed twice: encrypted, opens with it.
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


OPEN = "passphrase to open it"
NEW = "New passphrase"
AGAIN = "Passphrase again"


def on_terminal(cli, args, answers, env):
    """Runs cli with args on a new pseudo-terminal; `answers` is a list of (prompt, text): each
    text is typed once its prompt has shown, in order. Returns (exit status, everything the
    terminal showed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(cli, [cli] + args, env)
    shown = b""
    sent = 0  # answers typed so far; each waits for its prompt after the previous one
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
        if sent < len(answers) and shown.count(answers[sent][0].encode()) > sum(
                1 for prompt, _ in answers[:sent] if prompt == answers[sent][0]):
            os.write(fd, answers[sent][1].encode() + b"\n")
            sent += 1
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

    rc, shown = on_terminal(cli, ["--lang", "en", "check", "--store", store], [(OPEN, PASSPHRASE)], env)
    print(f"$ nuanxin check (passphrase typed)\n{shown}(exit {rc})")
    if rc != 0 or "Households 3" not in shown or "check passed" not in shown:
        failures.append(f"the typed passphrase did not open the store (exit {rc})")
    if store not in shown:
        failures.append("the prompt does not name the store")
    if PASSPHRASE in shown:
        failures.append("the passphrase was echoed on the terminal")

    rc, shown = on_terminal(cli, ["--lang", "en", "check", "--store", store], [(OPEN, "not the passphrase")], env)
    print(f"$ nuanxin check (wrong passphrase typed)\n{shown}(exit {rc})")
    if rc == 0 or "wrong passphrase" not in shown:
        failures.append(f"a wrong typed passphrase was not refused (exit {rc})")

    done = subprocess.run([cli, "--lang", "en", "check", "--store", store], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    print(f"$ nuanxin check < /dev/null\n{done.stdout}{done.stderr}(exit {done.returncode})")
    if done.returncode == 0 or "passphrase to open it" in done.stderr:
        failures.append("without a terminal the CLI prompted or opened the store")

    def opens(directory, passphrase):
        with open(pass_file, "w", encoding="utf-8") as f:
            f.write(passphrase + "\n")
        done = subprocess.run([cli, "--lang", "en", "check", "--store", directory, "--passphrase-file", pass_file],
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        return done.returncode == 0

    renewed = "second winter 2027"
    rc, shown = on_terminal(cli, ["--lang", "en", "store", "passphrase", "--store", store],
                            [(OPEN, PASSPHRASE), (NEW, renewed), (AGAIN, renewed)], env)
    print(f"$ nuanxin store passphrase (current, new, new again typed)\n{shown}(exit {rc})")
    if rc != 0 or "passphrase was changed" not in shown:
        failures.append(f"the passphrase typed on the terminal was not changed (exit {rc})")
    if renewed in shown or PASSPHRASE in shown:
        failures.append("a passphrase was echoed while changing it")
    if not opens(store, renewed) or opens(store, PASSPHRASE):
        failures.append("after the change the new passphrase does not open the store, or the old one still does")

    rc, shown = on_terminal(cli, ["--lang", "en", "store", "passphrase", "--store", store],
                            [(OPEN, renewed), (NEW, "third one"), (AGAIN, "third 0ne")], env)
    print(f"$ nuanxin store passphrase (new one mistyped)\n{shown}(exit {rc})")
    if rc == 0 or "differ" not in shown or not opens(store, renewed):
        failures.append(f"two different new passphrases were not refused, or the store changed (exit {rc})")

    plain = os.path.join(work, "prompt-plain")
    shutil.rmtree(plain, ignore_errors=True)
    subprocess.run([cli, "--lang", "en", "import", "households", os.path.join(data, "households_gb18030.csv"),
                    "--store", plain, "--org", "test org"],
                   check=True, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    rc, shown = on_terminal(cli, ["--lang", "en", "store", "encrypt", "--store", plain],
                            [(NEW, PASSPHRASE), (AGAIN, PASSPHRASE)], env)
    print(f"$ nuanxin store encrypt (new passphrase typed twice)\n{shown}(exit {rc})")
    if rc != 0 or "now encrypted" not in shown or not opens(plain, PASSPHRASE) or opens(plain, renewed):
        failures.append(f"the plain store was not encrypted with the typed passphrase (exit {rc})")

    for f in failures:
        print("store.cli_prompt: " + f)
    print("store.cli_prompt: " + ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
