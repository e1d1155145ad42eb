"""A small TAP producer for bitim's Python tests (read by automake's tap-driver)."""
import os
import sys
import traceback


class Tap:
    """Collects test functions and runs each as one TAP line."""

    def __init__(self):
        self.tests = []

    def test(self, fn):
        self.tests.append(fn)
        return fn

    def run(self):
        print("1..%d" % len(self.tests), flush=True)
        failed = 0
        for number, fn in enumerate(self.tests, 1):
            try:
                fn()
                print("ok %d - %s" % (number, fn.__name__), flush=True)
            except Exception:  # every failure is reported, never hidden
                failed += 1
                print("not ok %d - %s" % (number, fn.__name__), flush=True)
                for line in traceback.format_exc().splitlines():
                    print("# " + line, flush=True)
        sys.exit(1 if failed else 0)


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
