"""A small TAP producer for bitim's Python tests (read by automake's tap-driver)."""
import os
import sys
import traceback


class Skip(Exception):
    """Raised by a test that cannot run here (a tool is missing): reported as
    a SKIP with the reason, never as a pass."""


def skip(reason):
    raise Skip(reason)


def test_hooks():
    """Whether the bitim under test obeys the test hooks (--enable-test-hooks)."""
    return os.environ.get("BITIM_TEST_HOOKS", "yes") == "yes"


class Tap:
    """Collects test functions and runs each as one TAP line."""

    def __init__(self):
        self.tests = []

    def test(self, fn):
        self.tests.append(fn)
        return fn

    def run(self):
        print("1..%d" % len(self.tests), flush=True)
        only = os.environ.get("BITIM_TEST_ONLY")  # to rerun one test by hand
        for number, fn in enumerate(self.tests, 1):
            if only and only not in fn.__name__:
                print("ok %d - %s # SKIP not chosen by BITIM_TEST_ONLY" % (number, fn.__name__), flush=True)
                continue
            try:
                fn()
                print("ok %d - %s" % (number, fn.__name__), flush=True)
            except Skip as why:
                print("ok %d - %s # SKIP %s" % (number, fn.__name__, why), flush=True)
            except Exception:  # every failure is reported, never hidden
                print("not ok %d - %s" % (number, fn.__name__), flush=True)
                for line in traceback.format_exc().splitlines():
                    print("# " + line, flush=True)
        # Each failure is already a "not ok" line: a non-zero exit would make
        # the driver count it a second time. A crash still shows (missing lines).
        sys.exit(0)


def paths():
    """The built program, the forms and the helpers, from the test environment."""
    top_builddir = os.environ.get("top_builddir", ".")
    srcdir = os.environ.get("srcdir", ".")
    return {
        "bitim": os.path.join(top_builddir, "src", "bitim"),
        "mkdb": os.path.join(top_builddir, "tests", "helpers", "mkdb"),
        "forms": os.path.join(srcdir, "forms"),
        "srcdir": srcdir,
    }
