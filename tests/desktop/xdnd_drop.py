"""Drops files on an X window the way a file manager does: the XDND protocol (version 5).

xdotool moves the pointer and presses keys but cannot drag files between programs; this small
XDND source (ctypes over libX11, no extra package) lets a test drop a real file on the real
window, so the app's GLFW drop callback runs as it does for a user.

    drop(window_id, ["/path/a.csv"], x, y)   # x, y: root coordinates of the drop point
"""
import ctypes
import ctypes.util
import time
import urllib.parse

_x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")

Atom = ctypes.c_ulong
Window = ctypes.c_ulong
Time = ctypes.c_ulong

CLIENT_MESSAGE = 33
SELECTION_REQUEST = 30
SELECTION_NOTIFY = 31
PROP_MODE_REPLACE = 0
NO_EVENT_MASK = 0


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", Window), ("message_type", Atom),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]


class XSelectionRequestEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("owner", Window), ("requestor", Window),
                ("selection", Atom), ("target", Atom), ("property", Atom), ("time", Time)]


class XSelectionEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("requestor", Window), ("selection", Atom),
                ("target", Atom), ("property", Atom), ("time", Time)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xclient", XClientMessageEvent),
                ("xselectionrequest", XSelectionRequestEvent), ("xselection", XSelectionEvent),
                ("pad", ctypes.c_long * 24)]


_x11.XOpenDisplay.restype = ctypes.c_void_p
_x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x11.XDefaultRootWindow.restype = Window
_x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_x11.XInternAtom.restype = Atom
_x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_x11.XCreateSimpleWindow.restype = Window
_x11.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong,
                                     ctypes.c_ulong]
_x11.XSetSelectionOwner.argtypes = [ctypes.c_void_p, Atom, Window, Time]
_x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long,
                            ctypes.POINTER(XEvent)]
_x11.XChangeProperty.argtypes = [ctypes.c_void_p, Window, Atom, Atom, ctypes.c_int, ctypes.c_int,
                                 ctypes.c_char_p, ctypes.c_int]
_x11.XPending.argtypes = [ctypes.c_void_p]
_x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
_x11.XFlush.argtypes = [ctypes.c_void_p]
_x11.XDestroyWindow.argtypes = [ctypes.c_void_p, Window]
_x11.XCloseDisplay.argtypes = [ctypes.c_void_p]


class DropError(Exception):
    pass


def drop(target, paths, x, y, timeout=10.0):
    """Drags `paths` (text/uri-list) onto X window `target` at root (x, y) and drops them.
    Returns once the target said it finished (XdndFinished); DropError when it never did."""
    display = _x11.XOpenDisplay(None)
    if not display:
        raise DropError("cannot open the X display")
    target = int(target)
    atom = lambda name: _x11.XInternAtom(display, name.encode(), 0)  # noqa: E731
    names = ["XdndEnter", "XdndPosition", "XdndStatus", "XdndDrop", "XdndFinished",
             "XdndSelection", "XdndActionCopy", "text/uri-list"]
    a = {n: atom(n) for n in names}
    source = _x11.XCreateSimpleWindow(display, _x11.XDefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0)
    uris = "".join("file://" + urllib.parse.quote(p) + "\r\n" for p in paths).encode()

    def send(message, l0, l1=0, l2=0, l3=0, l4=0):
        ev = XEvent()
        ev.xclient.type = CLIENT_MESSAGE
        ev.xclient.window = target
        ev.xclient.message_type = a[message]
        ev.xclient.format = 32
        for i, v in enumerate((l0, l1, l2, l3, l4)):
            ev.xclient.l[i] = v
        _x11.XSendEvent(display, target, 0, NO_EVENT_MASK, ctypes.byref(ev))
        _x11.XFlush(display)

    try:
        _x11.XSetSelectionOwner(display, a["XdndSelection"], source, 0)
        send("XdndEnter", source, 5 << 24, a["text/uri-list"])
        send("XdndPosition", source, 0, (int(x) << 16) | int(y), 0, a["XdndActionCopy"])
        dropped = False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _x11.XPending(display):
                time.sleep(0.02)
                continue
            ev = XEvent()
            _x11.XNextEvent(display, ctypes.byref(ev))
            if ev.type == CLIENT_MESSAGE and ev.xclient.message_type == a["XdndStatus"]:
                if not dropped:
                    if not ev.xclient.l[1] & 1:
                        raise DropError("the window does not accept the files (XdndStatus)")
                    send("XdndDrop", source, 0, 0)
                    dropped = True
            elif ev.type == CLIENT_MESSAGE and ev.xclient.message_type == a["XdndFinished"]:
                return
            elif ev.type == SELECTION_REQUEST:
                req = ev.xselectionrequest
                _x11.XChangeProperty(display, req.requestor, req.property, req.target, 8,
                                     PROP_MODE_REPLACE, uris, len(uris))
                reply = XEvent()
                reply.xselection.type = SELECTION_NOTIFY
                reply.xselection.requestor = req.requestor
                reply.xselection.selection = req.selection
                reply.xselection.target = req.target
                reply.xselection.property = req.property
                reply.xselection.time = req.time
                _x11.XSendEvent(display, req.requestor, 0, NO_EVENT_MASK, ctypes.byref(reply))
                _x11.XFlush(display)
        raise DropError("the window did not finish the drop in time" +
                        ("" if dropped else " (no XdndStatus answer)"))
    finally:
        _x11.XDestroyWindow(display, source)
        _x11.XCloseDisplay(display)
