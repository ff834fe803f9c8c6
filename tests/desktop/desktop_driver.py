"""Drives nuanxin-desktop on an X display (Xvfb) with real pointer and keyboard events.

The app is started with --hook FILE: every 100 ms it rewrites FILE (atomically) with
{"summary": counts, plugins, window size, store, ...; "locate": {"widget.id": [x, y, w, h]}}.
A test reads where a named widget was drawn and clicks there with xdotool, as a user would.

ImGui 1.86 keeps no input queue: a key pressed and released between two frames is never seen.
Keys are therefore held for a few frames (keydown, wait, keyup); clicks likewise.
"""
import json
import os
import signal
import subprocess
import time

HOLD = 0.08  # seconds a key or button is held at least; longer when the app's frames are slow


class DriverError(Exception):
    pass


def xdotool(*args, check=True, timeout=30):
    try:
        done = subprocess.run(["xdotool", *map(str, args)], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise DriverError(f"xdotool {' '.join(map(str, args))}: no answer in {timeout} s") from e
    if check and done.returncode != 0:
        raise DriverError(f"xdotool {' '.join(map(str, args))}: {done.stderr.strip()}")
    return done.stdout.strip()


def screenshot(path):
    """The whole X screen, as the user sees it (ImageMagick's import)."""
    subprocess.run(["import", "-window", "root", path], check=True, capture_output=True)


def colours(path):
    done = subprocess.run(["convert", path, "-format", "%k", "info:"], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip())


class Desktop:
    """One running nuanxin-desktop."""

    def __init__(self, exe, hook, args=(), env=None, log=None, timeout=60.0):
        self.hook_path = hook
        self.timeout = timeout
        if os.path.exists(hook):
            os.remove(hook)
        self.log = open(log, "ab") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen([exe, "--hook", hook, *args], env=env, stdout=self.log,
                                     stderr=self.log)
        self.window = None
        self.wait(lambda h: h["summary"].get("frames", 0) > 2 and h["locate"], "the first frames")
        self.window = self._find_window()
        # Without a window manager nothing gives the window the input focus, and GLFW reports
        # an unfocused window, whose pointer position ImGui ignores: give it the focus.
        xdotool("windowfocus", "--sync", self.window)

    # ---- reading the hook ----
    def state(self):
        """The last hook file the app wrote, or None (not written yet)."""
        try:
            with open(self.hook_path, encoding="utf-8") as f:
                return json.load(f)
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def summary(self):
        return self.wait(lambda h: True, "the hook file")["summary"]

    def wait(self, predicate, what, timeout=None, shot=True):
        """Polls the hook until predicate(hook) holds; returns that hook. On a timeout the screen
        is saved beside the hook file (unless `shot` is False: a wait that may time out)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise DriverError(f"waiting for {what}: nuanxin-desktop exited with "
                                  f"{self.proc.returncode} (last hook: {brief(last)})")
            hook = self.state()
            if hook is not None:
                last = hook
                try:
                    if predicate(hook):
                        return hook
                except (KeyError, TypeError, IndexError):
                    pass
            time.sleep(0.1)
        # What the screen showed (a status line often says why): beside the hook file.
        path = os.path.splitext(self.hook_path)[0] + "-timeout.png" if shot else "none"
        try:
            if shot:
                screenshot(path)
        except (OSError, subprocess.CalledProcessError):
            path = "none"
        raise DriverError(f"timed out waiting for {what} (screenshot {path}; last hook: {brief(last)})")

    def locate(self, widget, timeout=None):
        """[x, y, w, h] of a named widget, once the app drew it at the same place in two hooks
        some frames apart: a window ImGui shows for the first time is laid out in a hidden
        frame and may move after it (a modal centres itself once it knows its size)."""
        seen = {}

        def settled(hook):
            rect, frames = hook["locate"].get(widget), hook["summary"]["frames"]
            if rect is None:
                seen.clear()
                return False
            if seen.get("rect") != rect:
                seen.update(rect=rect, frames=frames)
                return False
            return frames >= seen["frames"] + 2

        return self.wait(settled, f"widget {widget!r} to be drawn", timeout)["locate"][widget]

    def hold(self):
        """Three of the app's slow frames (p95 from the hook), so a held key spans a frame even
        on a busy machine whose software renderer draws a frame in 100 ms."""
        hook = self.state()
        p95 = hook["summary"].get("frame_ms_p95", 0) if hook else 0
        return min(max(HOLD, 3 * p95 / 1000.0), 1.0)

    def has(self, widget):
        hook = self.state()
        return hook is not None and widget in hook["locate"]

    # ---- acting ----
    def _find_window(self):
        out = xdotool("search", "--sync", "--onlyvisible", "--pid", self.proc.pid)
        ids = [line for line in out.splitlines() if line.strip()]
        if not ids:
            raise DriverError("no visible window of nuanxin-desktop")
        return ids[-1]

    def move_to(self, widget):
        x, y, w, h = self.locate(widget)
        xdotool("mousemove", "--window", self.window, int(x + w / 2), int(y + h / 2))
        time.sleep(self.hold())

    def click(self, widget, settle=0.25):
        """Moves the real pointer onto the widget's centre and clicks it."""
        self.move_to(widget)
        xdotool("mousedown", "1")
        time.sleep(self.hold())
        xdotool("mouseup", "1")
        time.sleep(settle)

    def key(self, *keys):
        """A chord held for a few frames: key("ctrl", "a"), key("Return")."""
        hold = self.hold()
        for k in keys:
            xdotool("keydown", k)
        time.sleep(hold)
        for k in reversed(keys):
            xdotool("keyup", k)
        time.sleep(hold)

    def type(self, text):
        """Typed characters reach ImGui through GLFW's character callback, which ImGui queues."""
        xdotool("type", "--delay", "15", "--", text)
        time.sleep(self.hold())

    def replace_text(self, widget, text):
        """Clicks an input field, selects what it holds and types `text` over it."""
        self.click(widget)
        self.key("ctrl", "a")
        self.key("BackSpace")
        self.type(text)

    def resize(self, width, height):
        xdotool("windowsize", "--sync", self.window, width, height)

    # ---- ending ----
    def close(self, timeout=30.0):
        """Ctrl+Q, the clean way out (window size and store saved); SIGTERM if it is ignored."""
        if self.proc.poll() is None:
            try:
                self.key("ctrl", "q")
            except DriverError:
                pass
            try:
                self.proc.wait(timeout=timeout / 2)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout=timeout / 2)
        if self.log is not subprocess.DEVNULL:
            self.log.close()
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def brief(hook):
    """The summary of a hook without the widget list (short enough for an error message)."""
    if not hook:
        return hook
    return json.dumps({"summary": hook.get("summary"),
                       "widgets": sorted(hook.get("locate", {}).keys())}, ensure_ascii=False)
