"""Open an HTML file in a headless browser with the network off and say what happened.

One browser run per file gives everything the report tests look at:

- the DOM after load (--dump-dom), parsed into a list of elements;
- a screenshot (--screenshot) of the top of the page, read as RGB pixels;
- every network request the page made (--log-net-log: a JSON log of the
  network stack; requests the browser makes for itself carry no page
  origin and are left out);
- every console message (--enable-logging=stderr: they come as CONSOLE
  lines).

The network is off: every connection goes to a proxy on a closed local
port and no host name resolves, so nothing leaves the machine whatever the
page asks for. A request made by a file:// page to another file does not
pass through the network stack; the tests catch those from the DOM (any
element with a src, href or url() is reported by `references`).

Use: `page = browser.open_page(path, tmpdir)`; `browser.executable()` is
None when no browser is installed.
"""
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess

WIDTH, HEIGHT = 1000, 1600
TIMEOUT = 90  # seconds for one run, launch included

FLAGS = [
    "--headless",
    "--no-sandbox",  # needed as root; the page holds no script anyway
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--no-pings",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr",
    "--v=0",
    "--force-device-scale-factor=1",
    "--window-size=%d,%d" % (WIDTH, HEIGHT),
]


def executable():
    """The browser executable, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.text = ""

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def __repr__(self):
        return "<%s %r>" % (self.tag, self.attrs)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.stack[-1] if self.stack else None)
        self.elements.append(e)
        if tag not in VOID:
            self.stack.append(e)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, attrs, self.stack[-1] if self.stack else None))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1].text += data


def parse_dom(text):
    p = _Parser()
    p.feed(text)
    p.close()
    return p.elements


class Page:
    """What one run saw: dom (text), elements, pixels, requests, console."""

    def __init__(self, url, dom, png, requests, console, stderr):
        self.url = url
        self.dom = dom
        self.elements = parse_dom(dom)
        self.png = png
        self.requests = requests
        self.console = console
        self.stderr = stderr
        self._img = None

    def find(self, tag=None, cls=None):
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())]

    def references(self):
        """Every attribute or style of the DOM that could make a request."""
        refs = []
        for e in self.elements:
            for k, v in e.attrs.items():
                if k in ("src", "href", "xlink:href", "srcset", "poster", "data", "action",
                         "background", "formaction", "ping"):
                    refs.append((e.tag, k, v))
                elif v and "url(" in v.replace(" ", "").lower():
                    refs.append((e.tag, k, v))
            if e.tag == "style" and re.search(r"url\s*\(|@import", e.text, re.I):
                refs.append((e.tag, "text", e.text))
        return refs

    def image(self):
        if self._img is None:
            from PIL import Image

            self._img = Image.open(self.png).convert("RGB")
        return self._img


def solid_pixels(img, colour, size=5, tolerance=24):
    """Pixels of img at the centre of a size x size square all of colour
    ("#rrggbb", within tolerance per channel): the filled shapes of a
    chart (bars, markers) count, thin lines and the strokes of text do not."""
    from PIL import ImageFilter

    return _mask(img, colour, tolerance).filter(ImageFilter.MinFilter(size)).histogram()[255]


def _mask(img, colour, tolerance):
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    lo = [max(0, c - tolerance) for c in (r, g, b)]
    hi = [min(255, c + tolerance) for c in (r, g, b)]
    bands = img.split()
    masks = [band.point(lambda v, l=l, h=h: 255 if l <= v <= h else 0) for band, l, h in zip(bands, lo, hi)]
    from PIL import ImageChops

    mask = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return mask


def page_requests(netlog_path):
    """URLs the page asked for, from the browser's net log (JSON)."""
    try:
        log = json.loads(pathlib.Path(netlog_path).read_text(encoding="utf-8"))
    except ValueError:
        # a log cut short: the browser writes the closing brackets last
        text = pathlib.Path(netlog_path).read_text(encoding="utf-8").rstrip().rstrip(",")
        log = json.loads(text + "]}")
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for ev in log["events"]:
        if types.get(ev["type"]) != "URL_REQUEST_START_JOB":
            continue
        p = ev.get("params") or {}
        if "url" not in p:  # the end of a job
            continue
        # the browser's own requests have no initiating origin and no page
        # in their isolation key
        if p.get("initiator") == "not an origin" and "file://" not in p.get("network_isolation_key", ""):
            continue
        urls.append(p.get("url"))
    return urls


def open_page(path, workdir, exe=None):
    """Load path (an HTML file) once; returns a Page."""
    exe = exe or executable()
    workdir = pathlib.Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    stem = pathlib.Path(path).name
    png = workdir / (stem + ".png")
    netlog = workdir / (stem + ".netlog.json")
    profile = workdir / (stem + ".profile")
    url = pathlib.Path(path).resolve().as_uri()
    cmd = [exe, *FLAGS, "--user-data-dir=%s" % profile, "--log-net-log=%s" % netlog,
           "--screenshot=%s" % png, "--dump-dom", url]
    env = dict(os.environ, HOME=str(workdir), LANG="C.UTF-8")
    p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env)
    stderr = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0 or not png.exists():
        raise RuntimeError("chromium failed on %s (status %d):\n%s" % (path, p.returncode, stderr[-3000:]))
    console = [line for line in stderr.splitlines() if ":CONSOLE" in line]
    return Page(url, p.stdout.decode("utf-8", "replace"), png, page_requests(netlog), console, stderr)
