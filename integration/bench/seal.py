#!/usr/bin/env python3
"""seal.py: run by seal.sh in a private mount namespace with WORK/srun (writable: srun
re-executes from a read-only copy of itself) and WORK/ro/srun (on a read-only mount: no
re-exec). Times `run` of /bin/true for both, interleaved, and their peak RSS under ptrace
(the re-executed image included). Prints medians, the difference and the ratio."""
import argparse, os, statistics, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
from startup import rss_run, timed_run  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--work", required=True)
parser.add_argument("--iterations", type=int, default=300)
parser.add_argument("--rss-iterations", type=int, default=20)
args = parser.parse_args()

binaries = {"re-exec (writable)": os.path.join(args.work, "srun"), "no re-exec (read-only)": os.path.join(args.work, "ro", "srun")}
root = os.path.join(args.work, "root")
bundle = os.path.join(args.work, "bundle")
env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
times = {name: [] for name in binaries}
rss = {name: [] for name in binaries}
counter = 0


def argv(path):
    global counter
    counter += 1
    return [path, "--root", root, "run", "--bundle", bundle, "seal-bench-%d-%d" % (os.getpid(), counter)]


for i in range(args.iterations + 3):
    order = list(binaries.items()) if i % 2 == 0 else list(reversed(binaries.items()))
    for name, path in order:
        ns, code, _ = timed_run(path, argv(path), env)
        if code != 0:
            sys.exit("%s run failed with %d" % (name, code))
        if i >= 3:
            times[name].append(ns / 1e6)
for i in range(args.rss_iterations):
    for name, path in binaries.items():
        code, hwm, _ = rss_run(path, argv(path), env)
        if code != 0:
            sys.exit("%s run failed with %d under ptrace" % (name, code))
        rss[name].append(hwm / 1024)

print("srun run of /bin/true, %d interleaved warm iterations, medians" % args.iterations)
print("| binary | run ms | peak RSS MB |")
print("|---|---|---|")
for name in binaries:
    print("| %s | %.2f | %.2f |" % (name, statistics.median(times[name]), statistics.median(rss[name])))
a, b = (statistics.median(times[n]) for n in binaries)
print("re-exec costs %.2f ms (%.2fx)" % (a - b, a / b))
