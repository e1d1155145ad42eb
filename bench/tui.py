"""Benchmarks of the interface in a pseudo-terminal: the time to the first
drawn case list and the peak memory, and the time from a keystroke to its
echo on screen over 1,000 keys."""
import os
import pty
import select
import struct
import sys
import time
import fcntl
import termios

BITIM, DB = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, TERM="xterm", LC_ALL="C.UTF-8", LANGUAGE="en", ESCDELAY="25")
ENV.pop("LINES", None)
ENV.pop("COLUMNS", None)


def spawn(extra_env=None):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(ENV, **(extra_env or {}))
        os.execve(BITIM, [BITIM, "--db", DB], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def drain(fd, until=None, timeout=10.0):
    """Read output until `until` (bytes) is seen, or nothing comes for a while."""
    seen = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05 if until is None else end - time.monotonic())
        if not r:
            if until is None:
                return seen
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return seen
        seen += chunk
        if until is not None and until in seen:
            return seen
    raise TimeoutError("waited for %r" % until)


def startup():
    best, peak = 1e9, 0
    for _ in range(5):
        t0 = time.monotonic()
        pid, fd = spawn({"BITIM_BENCH_STARTUP": "1"})
        while True:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.monotonic() - t0) * 1000
        os.close(fd)
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss)
    print("  start to the first drawn case list  %7.1f ms (goal <= 50 ms)" % best)
    print("  peak memory (RSS)                   %7.1f MiB (goal <= 12 MiB)" % (peak / 1024))


def keystrokes(n=1000):
    pid, fd = spawn()
    drain(fd, b"F10")
    os.write(fd, b"\x1bOS")            # F4: a new case
    drain(fd, b"Intake")
    for _ in range(4):                 # to "Village or town"
        os.write(fd, b"\t")
    drain(fd)
    letters = b"abcdefghijklmnopqrstuvwxyz"
    total = 0.0
    worst = 0.0
    for i in range(n):
        if i and i % 40 == 0:
            os.write(fd, b"\x17")      # Ctrl-W: keep the field short
            drain(fd)
        key = letters[i % 26:i % 26 + 1]
        t0 = time.monotonic()
        os.write(fd, key)
        drain(fd, key)
        dt = (time.monotonic() - t0) * 1000
        total += dt
        worst = max(worst, dt)
    os.write(fd, b"\x18")              # Ctrl-X twice: save, back, quit
    drain(fd)
    os.write(fd, b"\x18")
    os.waitpid(pid, 0)
    print("  keystroke to echo, mean of %d        %7.2f ms (goal <= 2 ms), worst %.2f ms" % (n, total / n, worst))


startup()
keystrokes()
