"""Headless Chromium, driven over the DevTools protocol through a pipe: screenshots of our pages, and what the
browser did while it showed them (console messages, errors, requests, dialogs).

No extra package is needed: Chromium is started with ``--remote-debugging-pipe`` and speaks the DevTools protocol
(JSON messages ending in a NUL byte) on file descriptors 3 (to it) and 4 (from it). Every request the page makes
is recorded; with ``block_remote`` (the default) any request that is not ``file:`` or ``data:`` is failed before
it leaves the machine. JavaScript dialogs (``alert``…) are recorded and dismissed.

Which browser: ``$LEGATION_CHROMIUM``, else the first of chromium, chromium-browser, google-chrome,
google-chrome-stable, headless_shell on the PATH (``find_chromium``).

Example::

    from explore.screenshot import screenshot
    screenshot("demo-out/network.html", "demo-out/network.png")
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from legation.errors import ConfigError, Error

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")
FLAGS = ("--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-default-apps",
         "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--force-device-scale-factor=1",
         "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
         "--remote-debugging-pipe")
LOCAL_SCHEMES = ("file:", "data:", "about:")


class BrowserError(Error):
    """Chromium could not be started, stopped answering, or the page did not get ready in time."""

    hint = "check that Chromium runs headless here (`chromium --headless --version`); set $LEGATION_CHROMIUM"


def find_chromium() -> str | None:
    """The Chromium executable to use, or None when there is none."""
    env = os.environ.get("LEGATION_CHROMIUM")
    if env:
        return env if (os.path.isfile(env) and os.access(env, os.X_OK)) else shutil.which(env)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageLog:
    """What happened while a page was open."""

    console: list[tuple[str, str]] = field(default_factory=list)     # (level, text)
    errors: list[str] = field(default_factory=list)                  # uncaught exceptions, error-level log entries
    requests: list[str] = field(default_factory=list)                # every URL requested
    blocked: list[str] = field(default_factory=list)                 # requests failed by block_remote
    dialogs: list[str] = field(default_factory=list)                 # alert/confirm/prompt messages

    def console_errors(self) -> list[str]:
        return [text for level, text in self.console if level in ("error", "assert")] + self.errors

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


class Browser:
    """One headless Chromium; ``page()`` opens a tab. Use as a context manager."""

    def __init__(self, executable: str | None = None, timeout: float = 30.0):
        exe = executable or find_chromium()
        if not exe:
            raise ConfigError("no Chromium found", hint="install Chromium (Debian: apt-get install chromium) "
                                                        "or set $LEGATION_CHROMIUM")
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="legation-chromium-")
        self._next_id = 0
        self._buffer = b""
        self._handlers: dict[str, Callable[[dict], None]] = {}      # session id → event handler
        args = [exe, *FLAGS, f"--user-data-dir={self._profile}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")                              # Chromium refuses to run as root otherwise
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds() -> None:                                      # in the child: fd 3 ← us, fd 4 → us
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._stderr = open(os.path.join(self._profile, "chromium.log"), "wb")
        try:
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._stderr, stderr=self._stderr,
                                          pass_fds=(3, 4), preexec_fn=child_fds)
        except OSError as e:
            self._cleanup_files()
            raise BrowserError(f"cannot start {exe}: {e.strerror or e}") from None
        finally:
            os.close(to_chrome_r)
            os.close(from_chrome_w)
        self._write_fd = to_chrome_w
        self._read_fd = from_chrome_r
        try:
            self.call("Browser.getVersion")
        except BrowserError:
            self.close()
            raise

    # --- protocol ---------------------------------------------------------------------------------------

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._write_fd, data):]
        except OSError as e:
            raise BrowserError(f"Chromium stopped listening ({e.strerror or e})") from None
        return self._next_id

    def _receive(self, deadline: float) -> dict | None:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._read_fd], [], [], min(left, 0.5))
            if not ready:
                continue
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe (it crashed or was killed)")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def _dispatch(self, message: dict) -> None:
        handler = self._handlers.get(message.get("sessionId", ""))
        if handler and "method" in message:
            handler(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict:
        """Send a command and wait for its answer, handling the events that arrive meanwhile."""
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._receive(deadline)
            if message is None:
                raise BrowserError(f"Chromium did not answer {method} within {timeout or self.timeout:.0f} s")
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message', message['error'])}")
                return message.get("result", {})
            self._dispatch(message)

    def pump(self, seconds: float) -> None:
        """Handle events for ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            message = self._receive(deadline)
            if message is None:
                return
            self._dispatch(message)

    def notify(self, method: str, params: dict | None = None, session: str | None = None) -> None:
        """Send a command without waiting for its answer (from an event handler)."""
        self._send(method, params, session)

    # --- pages ------------------------------------------------------------------------------------------

    def page(self, width: int = 1400, height: int = 900, block_remote: bool = True) -> "Tab":
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Tab(self, target, session, width, height, block_remote)

    def close(self) -> None:
        proc = getattr(self, "_proc", None)
        if proc is not None and proc.poll() is None:
            try:
                self._send("Browser.close")
                proc.wait(timeout=5)
            except (BrowserError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
        for fd in ("_write_fd", "_read_fd"):
            if hasattr(self, fd):
                try:
                    os.close(getattr(self, fd))
                except OSError:
                    pass
                delattr(self, fd)
        self._cleanup_files()

    def _cleanup_files(self) -> None:
        stderr = getattr(self, "_stderr", None)
        if stderr is not None and not stderr.closed:
            stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Tab:
    """A tab of ``Browser``; ``log`` records what the page did."""

    def __init__(self, browser: Browser, target: str, session: str, width: int, height: int, block_remote: bool):
        self.browser = browser
        self.target = target
        self.session = session
        self.block_remote = block_remote
        self.log = PageLog()
        self._loaded = False
        browser._handlers[session] = self._on_event
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def call(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        return self.browser.call(method, params, self.session, timeout)

    def _on_event(self, message: dict) -> None:
        method, params = message["method"], message.get("params", {})
        log = self.log
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            log.console.append((params.get("type", "log"), text))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            log.errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") == "error":
                log.errors.append(f"{entry.get('source', '')}: {entry.get('text', '')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            log.requests.append(params.get("request", {}).get("url", ""))
        elif method == "Fetch.requestPaused":
            url = params.get("request", {}).get("url", "")
            if url not in log.requests:
                log.requests.append(url)
            if self.block_remote and not url.startswith(LOCAL_SCHEMES):
                log.blocked.append(url)
                self.browser.notify("Fetch.failRequest", {"requestId": params["requestId"],
                                                          "errorReason": "BlockedByClient"}, self.session)
            else:
                self.browser.notify("Fetch.continueRequest", {"requestId": params["requestId"]}, self.session)
        elif method == "Page.javascriptDialogOpening":
            log.dialogs.append(params.get("message", ""))
            self.browser.notify("Page.handleJavaScriptDialog", {"accept": False}, self.session)
        elif method == "Page.loadEventFired":
            self._loaded = True

    def goto(self, url: str, timeout: float | None = None) -> None:
        """Open ``url`` (a path is turned into a file: URL) and wait for its load event."""
        if "://" not in url and not url.startswith(("data:", "about:")):
            url = Path(url).resolve().as_uri()
        self._loaded = False
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        deadline = time.monotonic() + (timeout or self.browser.timeout)
        while not self._loaded:
            if time.monotonic() > deadline:
                raise BrowserError(f"{url} did not finish loading in time")
            self.browser.pump(0.05)

    def evaluate(self, expression: str, timeout: float | None = None) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable values only)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            reason = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"script failed: {reason}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30.0, interval: float = 0.05) -> Any:
        """Wait until ``expression`` is truthy in the page; its value (``BrowserError`` after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"the page was not ready after {timeout:.0f} s (waited for {expression})")
            self.browser.pump(interval)

    def mouse_move(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def screenshot(self, full_page: bool = False, clip: dict | None = None, max_height: int = 8000,
                   fast: bool = False) -> bytes:
        """A PNG of the viewport, of the whole page (``full_page``) or of ``clip`` (x, y, width, height);
        ``fast``: bigger file, quicker to make and to read back."""
        params: dict[str, Any] = {"format": "png", "optimizeForSpeed": fast}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height)}
            params["captureBeyondViewport"] = True
        if clip:
            params["clip"] = {**clip, "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", params, timeout=60)["data"])

    def close(self) -> None:
        self.browser._handlers.pop(self.session, None)
        try:
            self.browser.call("Target.closeTarget", {"targetId": self.target})
        except BrowserError:
            pass


READY = "document.readyState === 'complete' && (!window.legation || window.legation.ready === true)"


def screenshot(html: str | Path, png: str | Path, width: int = 1400, height: int = 900, full_page: bool = False,
               timeout: float = 60.0, executable: str | None = None) -> PageLog:
    """Open the HTML file ``html`` in headless Chromium, wait until it is drawn (a network page: until
    ``window.legation.ready``), and write a PNG screenshot to ``png``. Returns what the page did."""
    source = Path(html)
    if not source.is_file():
        raise Error(f"{source}: no such file", hint="write the page first")
    with Browser(executable, timeout=timeout) as browser:
        tab = browser.page(width=width, height=height)
        tab.goto(str(source), timeout=timeout)
        tab.wait_for(READY, timeout=timeout)
        tab.browser.pump(0.2)
        data = tab.screenshot(full_page=full_page)
        tab.close()
    try:
        Path(png).write_bytes(data)
    except OSError as e:
        raise Error(f"{png}: cannot write the screenshot: {e.strerror or e}") from None
    return tab.log


# --- reading PNG files (to tell a drawn canvas from a blank one) ------------------------------------------

def png_rows(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels, rows) of an 8-bit, non-interlaced greyscale/RGB/RGBA PNG, each row unfiltered."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Error("not a PNG image")
    pos, idat, header = 8, b"", None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise Error("PNG without a header")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise Error(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(idat)
    stride = width * channels
    low7 = int.from_bytes(b"\x7f" * stride, "big")
    high = int.from_bytes(b"\x80" * stride, "big")
    rows: list[bytes] = []
    prev = bytes(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind = raw[start]
        line = raw[start + 1:start + 1 + stride]
        if kind == 2:               # Up: bytewise sum with the row above, all bytes at once (no carries)
            a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            line = (((a & low7) + (b & low7)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
        elif kind in (1, 3, 4):
            out = bytearray(line)
            for i in range(stride):
                left = out[i - channels] if i >= channels else 0
                up = prev[i]
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + up) >> 1
                else:
                    corner = prev[i - channels] if i >= channels else 0
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                out[i] = (out[i] + pred) & 0xFF
            line = bytes(out)
        elif kind != 0:
            raise Error(f"bad PNG filter type {kind}")
        rows.append(line)
        prev = line
    return width, height, channels, rows


def drawn_pixels(data: bytes, background: tuple[int, int, int] = (255, 255, 255), tolerance: int = 8) -> int:
    """How many pixels of a PNG differ from ``background`` by more than ``tolerance`` in some channel (a blank
    image gives 0)."""
    width, _, channels, rows = png_rows(data)
    colour = channels >= 3
    tables = [bytes(0 if abs(v - bg) <= tolerance else 1 for v in range(256))
              for bg in (background if colour else background[:1])]
    count = 0
    for line in rows:
        mask = 0
        for c, table in enumerate(tables):
            mask |= int.from_bytes(line[c::channels].translate(table), "big")
        count += bin(mask).count("1")
    return count
