#!/usr/bin/env python3
"""Lifecycle benchmark: srun vs runc vs crun (python3 standard library only).

Run it through lifecycle.sh, which enters a private mount namespace
(`unshare -m --propagation private`) and unmounts /sys/fs/cgroup/unified first:
crun 1.8 refuses the hybrid cgroup layout of this machine (v1 controllers plus
cgroup2 at /sys/fs/cgroup/unified) otherwise. All three runtimes run in that
same namespace, so they all see a plain cgroup v1 layout.

Calls measured, per runtime, each one timed on its own (wall time of the
command: time.perf_counter_ns() around os.posix_spawn + os.wait4; stdin from
/dev/null, stdout and stderr to files that are printed if the call fails):
  run     `RT --root R run --bundle B <id>` of /bin/true in the foreground (the
          runtime's work + the container's exit; run deletes the container);
  create  `RT --root R create --bundle B2 <id>`, B2's process: sh -c 'sleep 1000';
  start   `RT --root R start <id>`;
  state   `RT --root R state <id>` of the running container (its JSON must say
          "running"; its pid is the container's init);
  kill    `RT --root R kill <id> KILL`;
          (untimed: wait until the init process has exited and is reaped: this
          process is a child subreaper, as containerd's shim is, so orphaned
          container inits are its children; runc/crun/srun all refuse to delete
          a container that is still running, and kill does not wait)
  delete  `RT --root R delete <id>`;
  plus the per-iteration sum create+start+kill+delete (median of the sums).

Every iteration goes round-robin over the runtimes (start rotated each
iteration): first `run` for each runtime, then the create..delete sequence for
each runtime. Warm: back to back. Cold: sleep before each timed call.
Every container id is unique (<prefix><runtime>-<mode><iteration>-<r|l>), every
runtime has its own --root.

Peak RSS (separate, untimed, interleaved the same way): each call is run under
ptrace (helpers from startup.py: PTRACE_TRACEME, VmHWM of /proc/<pid>/status
read at every syscall stop and at the exit stop), i.e. the peak RSS of the
runtime process that was invoked (its own address space, including images it
re-execs; not the container process or helper processes it forks).

With --resources JSON, both bundles' config.json get that linux.resources
(cgroups.sh passes a memory limit, CPU shares and a pids limit), so that create
and run include writing the limits.

Usage: lifecycle.py [--srun PATH] [--iterations 300] [--warmup 3]
                    [--cold-iterations 60] [--cold-sleep-ms 50]
                    [--rss-iterations 20] [--no-cold] [--id-prefix P] [--json FILE]
                    [--resources JSON]
"""

import argparse
import ctypes
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ next to startup.py
from startup import (  # noqa: E402  (helpers of the startup benchmark; not edited)
    PTRACE_EVENT_EXEC, PTRACE_EVENT_EXIT, PTRACE_O_EXITKILL, PTRACE_O_TRACEEXEC,
    PTRACE_O_TRACEEXIT, PTRACE_O_TRACESYSGOOD, PTRACE_SETOPTIONS, PTRACE_SYSCALL,
    PTRACE_TRACEME, SIGTRAP, _libc, _ptrace, _vm_hwm_kib, elf_info, evict, first_line,
    machine, pct)

CALLS = ["run", "create", "start", "state", "kill", "delete"]
SUM_CALLS = ["create", "start", "kill", "delete"]
SUM_LABEL = "create+start+kill+delete"
RUNTIMES = ["srun", "runc", "crun"]
# Targets of the issue, on warm medians: srun/crun time ratio at most ...
TIME_TARGETS = [("run", 0.6), ("create", 0.6), ("state", 0.8), ("kill", 0.8), ("delete", 0.8)]
# ... and on cold medians (issue 6: placement without the cold-start penalty)
COLD_TARGETS = [("run", 0.5), ("create", 0.5)]
PR_SET_CHILD_SUBREAPER = 36
CGROUP_ROOT = "/sys/fs/cgroup"
UNIFIED = "/sys/fs/cgroup/unified"


class Abort(Exception):
    pass


class Interrupted(BaseException):
    pass


def on_signal(signum, _frame):
    raise Interrupted("signal %d" % signum)


# ---------------------------------------------------------------- processes


class Io:
    """stdout/stderr files shared by every call: truncated before each call
    (outside the timed region), printed when a call fails."""

    def __init__(self, tmp):
        self.out_path = os.path.join(tmp, "call.stdout")
        self.err_path = os.path.join(tmp, "call.stderr")
        self.out = os.open(self.out_path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        self.err = os.open(self.err_path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        self.actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, self.out, 1),
            (os.POSIX_SPAWN_DUP2, self.err, 2),
        ]

    def reset(self):
        for fd in (self.out, self.err):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)

    def read(self, which):
        with open(self.out_path if which == "out" else self.err_path, errors="replace") as f:
            return f.read()


def timed_call(argv, env, io):
    """posix_spawn (own process group, so a terminal ^C reaches only us and we
    clean up) + wait4; returns (wall_ns, exit_code)."""
    io.reset()
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=io.actions, setpgroup=0)
    _, status, _ = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    return t1 - t0, os.waitstatus_to_exitcode(status)


def traced_call(argv, env, io):
    """Like startup.rss_run, but with our stdout/stderr files and its own process
    group. Returns (exit_code, peak VmHWM KiB)."""
    io.reset()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            fd = os.open(os.devnull, os.O_RDONLY)
            os.dup2(fd, 0)
            os.dup2(io.out, 1)
            os.dup2(io.err, 2)
            if _libc.ptrace(PTRACE_TRACEME, 0, None, None) != 0:
                os._exit(126)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    hwm = None
    first = True
    try:
        while True:
            _, status, _ = os.wait4(pid, 0)
            if not os.WIFSTOPPED(status):
                return os.waitstatus_to_exitcode(status), hwm
            sig = os.WSTOPSIG(status)
            event = status >> 16
            deliver = 0
            read = False
            if first and sig == SIGTRAP:  # the SIGTRAP of the first execve
                first = False
                _ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC
                        | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL)
                read = True
            elif sig == SIGTRAP | 0x80 or (sig == SIGTRAP and event == PTRACE_EVENT_EXIT):
                read = True
            elif sig == SIGTRAP and event == PTRACE_EVENT_EXEC:
                pass
            else:
                deliver = sig
            if read:
                v = _vm_hwm_kib(pid)
                if v is not None and (hwm is None or v > hwm):
                    hwm = v
            try:
                _ptrace(PTRACE_SYSCALL, pid, 0, deliver)
            except ProcessLookupError:
                # killed while stopped (e.g. another thread of a Go runtime
                # called exit_group): the next wait4 reports the exit
                pass
    except BaseException:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        raise


def reap_all():
    """Reap every exited child (orphans reparented to us as subreaper)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def wait_exit(pid, timeout=10.0):
    """Wait until pid (a container init, reparented to us) has exited; reap it."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            r, _ = os.waitpid(pid, os.WNOHANG)
            if r == pid:
                return
        except ChildProcessError:  # not our child: poll /proc
            try:
                with open("/proc/%d/stat" % pid) as f:
                    st = f.read().rsplit(")", 1)[1].split()[0]
                if st in ("Z", "X"):
                    return
            except (FileNotFoundError, ProcessLookupError, IndexError):
                return
        if time.monotonic() > deadline:
            raise Abort("container init %d still alive %.0f s after kill KILL" % (pid, timeout))
        time.sleep(0.0002)


# ---------------------------------------------------------------- runtimes


class Runtime:
    def __init__(self, name, path, root):
        self.name = name
        self.path = path
        self.root = root
        self.cfg_run = []     # extra args for `run` / `create` (crun: --config <copy>)
        self.cfg_create = []
        self.samples = {c: [] for c in CALLS}
        self.sums = []
        self.hwm = {c: [] for c in CALLS}

    def argv(self, call, cid, bundle=None):
        a = [self.path, "--root", self.root, call]
        if call == "run":
            a += ["--bundle", bundle] + self.cfg_run + [cid]
        elif call == "create":
            a += ["--bundle", bundle] + self.cfg_create + [cid]
        elif call == "kill":
            a += [cid, "KILL"]
        else:
            a += [cid]
        return a

    def reset(self):
        self.samples = {c: [] for c in CALLS}
        self.sums = []


class Bench:
    def __init__(self, args, tmp, env):
        self.args = args
        self.tmp = tmp
        self.env = env
        self.io = Io(tmp)
        self.live = {}  # (runtime name, id) -> Runtime, containers that may exist
        self.prefix = args.id_prefix
        self.bundle_true = os.path.join(tmp, "bundle-true")
        self.bundle_sleep = os.path.join(tmp, "bundle-sleep")

    def fail(self, what, argv, rc):
        raise Abort("%s: `%s` exited %d\n--- stderr:\n%s\n--- stdout:\n%s" % (
            what, " ".join(argv), rc, self.io.read("err").strip(), self.io.read("out").strip()[:2000]))

    def call(self, rt, call, cid, traced=False, sleep_s=0.0):
        """One call; returns wall ns (timed) or VmHWM KiB (traced)."""
        bundle = self.bundle_true if call == "run" else self.bundle_sleep
        argv = rt.argv(call, cid, bundle)
        if call in ("run", "create"):
            self.live[(rt.name, cid)] = rt
        if sleep_s:
            time.sleep(sleep_s)
        if traced:
            rc, val = traced_call(argv, self.env, self.io)
            if rc == 0 and val is None:
                raise Abort("no VmHWM read for `%s`" % " ".join(argv))
        else:
            val, rc = timed_call(argv, self.env, self.io)
        if rc != 0:
            self.fail("%s call failed" % ("traced" if traced else "timed"), argv, rc)
        if call in ("run", "delete"):
            self.live.pop((rt.name, cid), None)
        return val

    def state_pid(self, rt, cid, expect):
        try:
            st = json.loads(self.io.read("out"))
        except ValueError as e:
            raise Abort("%s state %s: not JSON (%s): %r" % (rt.name, cid, e, self.io.read("out")[:500]))
        if st.get("status") != expect or expect != "stopped" and (
                not isinstance(st.get("pid"), int) or st["pid"] <= 0):
            raise Abort("%s state %s: expected status %r with a pid, got %r" % (rt.name, cid, expect, st))
        return st["pid"]

    def lifecycle(self, rt, cid, traced=False, sleep_s=0.0):
        """create, start, state, kill, (wait for exit), delete; returns {call: value}."""
        v = {}
        v["create"] = self.call(rt, "create", cid, traced, sleep_s)
        v["start"] = self.call(rt, "start", cid, traced, sleep_s)
        v["state"] = self.call(rt, "state", cid, traced, sleep_s)
        pid = self.state_pid(rt, cid, "running")
        v["kill"] = self.call(rt, "kill", cid, traced, sleep_s)
        wait_exit(pid)
        v["delete"] = self.call(rt, "delete", cid, traced, sleep_s)
        return v

    # ---- preflight: the full lifecycle works and is observed as expected
    def preflight(self, rt):
        cid = "%s%s-pre" % (self.prefix, rt.name)
        self.call(rt, "run", cid + "-r")
        c = cid + "-l"
        self.call(rt, "create", c)
        self.call(rt, "state", c)
        pid = self.state_pid(rt, c, "created")
        self.call(rt, "start", c)
        self.call(rt, "state", c)
        if self.state_pid(rt, c, "running") != pid:
            raise Abort("%s: init pid changed between created and running" % rt.name)
        self.call(rt, "kill", c)
        wait_exit(pid)
        self.call(rt, "state", c)
        self.state_pid(rt, c, "stopped")
        self.call(rt, "delete", c)
        argv = rt.argv("state", c)
        _, rc = timed_call(argv, self.env, self.io)
        if rc == 0:
            raise Abort("%s: `state` of a deleted container succeeded" % rt.name)
        left = self.cgroup_leftovers(cid)
        # crun leaves a plain directory in the tmpfs under the unmounted
        # /sys/fs/cgroup/unified (see cleanup); real cgroups must be gone
        real = [p for p in left if not p.startswith(UNIFIED + "/")]
        if real:
            raise Abort("%s left cgroups after delete: %s" % (rt.name, real))
        reap_all()

    # ---- cleanup
    def cgroup_leftovers(self, prefix=None):
        prefix = prefix or self.prefix
        found = []
        for top, dirs, _files in os.walk(CGROUP_ROOT):
            for d in list(dirs):
                if d.startswith(prefix):
                    found.append(os.path.join(top, d))
                    dirs.remove(d)
        return sorted(found)

    def cleanup(self, rts):
        notes = []
        for (name, cid), rt in list(self.live.items()):
            subprocess.run([rt.path, "--root", rt.root, "delete", "--force", cid], env=self.env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=30, start_new_session=True)
        for rt in rts:
            if not os.path.isdir(rt.root):
                continue
            r = subprocess.run([rt.path, "--root", rt.root, "list", "-q"], env=self.env,
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
                               start_new_session=True)
            for cid in r.stdout.split():
                notes.append("deleted leftover %s container %s" % (rt.name, cid))
                subprocess.run([rt.path, "--root", rt.root, "delete", "--force", cid], env=self.env,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=30,
                               start_new_session=True)
        time.sleep(0.05)
        reap_all()
        for rt in rts:
            shutil.rmtree(rt.root, ignore_errors=True)
        # crun 1.8 in this layout writes <id>/cgroup.procs as plain files into
        # /sys/fs/cgroup/unified, which (cgroup2 unmounted in our namespace) is
        # a directory of the /sys/fs/cgroup tmpfs, and never removes them.
        unified_is_tmpfs = os.path.isdir(UNIFIED) and not os.path.ismount(UNIFIED)
        tmpfs_removed = 0
        for p in self.cgroup_leftovers():
            if p.startswith(UNIFIED + "/") and unified_is_tmpfs:
                shutil.rmtree(p, ignore_errors=True)
                tmpfs_removed += 1
            else:
                try:
                    os.rmdir(p)  # a real (empty) cgroup
                    notes.append("removed leftover cgroup %s" % p)
                except OSError as e:
                    notes.append("could not remove leftover cgroup %s: %s" % (p, e))
        if tmpfs_removed:
            notes.append("removed %d directories crun left in the tmpfs at %s (not cgroups: cgroup2 is "
                         "unmounted in this namespace)" % (tmpfs_removed, UNIFIED))
        left = self.cgroup_leftovers()
        notes.append("leftover cgroup dirs named %s*: %s" % (self.prefix, ", ".join(left) if left else "none"))
        return notes, left


# ---------------------------------------------------------------- report


def median_ms(xs):
    return statistics.median(xs) / 1e6


def table(rts):
    by = {rt.name: rt for rt in rts}
    lines = ["| call | srun ms | runc ms | crun ms | srun/crun | srun RSS MB | runc RSS MB | crun RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]

    def ms(name, call):
        rt = by.get(name)
        if not rt:
            return None
        xs = rt.sums if call == SUM_LABEL else rt.samples[call]
        return median_ms(xs) if xs else None

    def rss(name, call):
        rt = by.get(name)
        if not rt or call == SUM_LABEL or not rt.hwm[call]:
            return "–"
        return "%.2f" % (statistics.median(rt.hwm[call]) / 1024.0)

    for call in CALLS + [SUM_LABEL]:
        vals = [ms(n, call) for n in RUNTIMES]
        ratio = "%.2f" % (vals[0] / vals[2]) if vals[0] and vals[2] else "n/a"
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            call, *["%.2f" % v if v is not None else "n/a" for v in vals], ratio,
            *[rss(n, call) for n in RUNTIMES]))
    return "\n".join(lines)


def verdicts(rts, binding):
    by = {rt.name: rt for rt in rts}
    s, c = by["srun"], by.get("crun")
    out = []
    tag = ""
    if not c:
        return ["- no crun: targets not evaluated"]
    for call, limit in (TIME_TARGETS if binding else COLD_TARGETS):
        r = median_ms(s.samples[call]) / median_ms(c.samples[call])
        out.append("- srun `%s` median <= %.1fx crun: **%s** (%.2fx: %.2f vs %.2f ms)%s" % (
            call, limit, "PASS" if r <= limit else "FAIL", r, median_ms(s.samples[call]),
            median_ms(c.samples[call]), tag))
    if binding:
        bad = []
        parts = []
        for call in CALLS:
            sm, cm = statistics.median(s.hwm[call]) / 1024.0, statistics.median(c.hwm[call]) / 1024.0
            parts.append("%s %.2f/%.2f" % (call, sm, cm))
            if sm > cm:
                bad.append(call)
        out.append("- peak RSS of every srun call <= crun's (median VmHWM, srun/crun MB: %s): **%s**%s" % (
            ", ".join(parts), "PASS" if not bad else "FAIL", "" if not bad else " (over: %s)" % ", ".join(bad)))
    return out


# ---------------------------------------------------------------- main


def make_bundles(srun, bench):
    mk = os.path.join(REPO, "integration", "make-bundle.sh")
    env = dict(os.environ, SRUN=srun)
    for d, args in ((bench.bundle_true, ["true"]), (bench.bundle_sleep, ["sh", "-c", "sleep 1000"])):
        r = subprocess.run([mk, d] + args, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise Abort("make-bundle.sh %s failed: %s" % (d, r.stderr.strip()))
        if bench.args.resources:
            path = os.path.join(d, "config.json")
            with open(path) as f:
                cfg = json.load(f)
            # merged over the spec's default (its device rules stay)
            cfg["linux"].setdefault("resources", {}).update(json.loads(bench.args.resources))
            with open(path, "w") as f:
                json.dump(cfg, f, indent=2)


def accepts(rt, bench):
    """Does the runtime accept the bundle's config (ociVersion 1.2.0)? Try a run."""
    cid = "%s%s-ver" % (bench.prefix, rt.name)
    argv = rt.argv("run", cid, bench.bundle_true)
    bench.live[(rt.name, cid)] = rt
    _, rc = timed_call(argv, bench.env, bench.io)
    if rc == 0:
        bench.live.pop((rt.name, cid), None)
        return True, ""
    return False, "`%s` exited %d, stderr: %s" % (" ".join(argv), rc, bench.io.read("err").strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--srun", default=os.environ.get("SRUN", os.path.join(REPO, ".build/release/srun")))
    ap.add_argument("--runc", default=shutil.which("runc"))
    ap.add_argument("--crun", default=shutil.which("crun"))
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--cold-iterations", type=int, default=60)
    ap.add_argument("--cold-sleep-ms", type=float, default=50.0)
    ap.add_argument("--rss-iterations", type=int, default=20)
    ap.add_argument("--no-cold", action="store_true")
    ap.add_argument("--id-prefix", default="lcb%d-" % os.getpid())
    ap.add_argument("--json", help="also write raw samples to this file")
    ap.add_argument("--resources", help="linux.resources JSON for both bundles (merged over the default's)")
    args = ap.parse_args()

    if os.geteuid() != 0:
        sys.exit("lifecycle.py must run as root")
    if os.path.ismount(UNIFIED) and os.environ.get("LIFECYCLE_ALLOW_UNIFIED") != "1":
        sys.exit("%s is mounted: crun 1.8 refuses this hybrid layout. Run integration/bench/lifecycle.sh "
                 "(private mount namespace, cgroup2 unmounted) instead." % UNIFIED)
    srun_orig = os.path.abspath(args.srun)
    if not os.access(srun_orig, os.X_OK):
        sys.exit("srun binary not found at %s" % srun_orig)
    for name in ("runc", "crun"):
        if not getattr(args, name):
            sys.exit("%s not found on PATH" % name)

    # ^C, SIGTERM, SIGHUP: stop measuring and clean up (even if started with SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, on_signal)
    if _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed")

    env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), "LANG": "C"}
    tmp = tempfile.mkdtemp(prefix="srun-lifecycle-")
    bench = Bench(args, tmp, env)
    rts = []
    rc = 0
    results = {}
    try:
        orig_stat = os.stat(srun_orig)
        srun = os.path.join(tmp, "srun")
        shutil.copy2(srun_orig, srun)  # benchmark a snapshot: others may rebuild mid-run
        make_bundles(srun, bench)
        for name, path in (("srun", srun), ("runc", args.runc), ("crun", args.crun)):
            root = os.path.join(tmp, "root-" + name)
            os.mkdir(root, 0o700)
            rts.append(Runtime(name, os.path.realpath(path), root))

        notes = []
        with open(os.path.join(bench.bundle_true, "config.json")) as f:
            oci_version = json.load(f)["ociVersion"]
        for rt in rts:
            ok, err = accepts(rt, bench)
            if ok:
                continue
            # crun has `--config FILE`: give it a copy of both configs with an
            # older ociVersion (runc and srun have no such option)
            if rt.name != "crun":
                raise Abort("%s refuses the bundle (ociVersion %s): %s" % (rt.name, oci_version, err))
            for b in (bench.bundle_true, bench.bundle_sleep):
                with open(os.path.join(b, "config.json")) as f:
                    cfg = json.load(f)
                cfg["ociVersion"] = "1.0.2-dev"
                with open(os.path.join(b, "config-%s.json" % rt.name), "w") as f:
                    json.dump(cfg, f, indent=2)
            rt.cfg_run = ["--config", os.path.join(bench.bundle_true, "config-%s.json" % rt.name)]
            rt.cfg_create = ["--config", os.path.join(bench.bundle_sleep, "config-%s.json" % rt.name)]
            ok, err2 = accepts(rt, bench)
            if not ok:
                raise Abort("%s refuses the bundle even with ociVersion 1.0.2-dev: %s" % (rt.name, err2))
            notes.append("%s refuses ociVersion %s (\"%s\"): it is given a copy of config.json with "
                         "ociVersion 1.0.2-dev (`--config <bundle>/config-%s.json`), otherwise identical" % (
                             rt.name, oci_version, err.rsplit("stderr: ", 1)[-1].strip(), rt.name))
        for rt in rts:
            bench.preflight(rt)
        for rt in rts:
            try:
                evict(rt.path)
            except OSError as e:
                notes.append("could not evict %s from the page cache: %s" % (rt.path, e))

        m = machine()
        ei = elf_info(srun)
        print("# srun lifecycle benchmark\n")
        print("- machine: nproc=%d (affinity %d), kernel %s, CPU %s, loadavg at start %.2f %.2f %.2f" % (
            m["nproc"], m["sched_cpus"], m["kernel"], m["cpu"], *m["loadavg"]))
        print("- srun: %s (%s), mtime %s, %.2f MB%s; benchmarked as a copy taken at start" % (
            srun_orig, first_line(srun, ["--version"]),
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(orig_stat.st_mtime)), ei["size"] / 1048576.0,
            (", stripped" if ei.get("stripped") else ", not stripped") if "stripped" in ei else ""))
        for rt in rts[1:]:
            print("- %s: %s (%s), %.2f MB" % (rt.name, rt.path, first_line(rt.path, ["--version"]),
                                              os.path.getsize(rt.path) / 1048576.0))
        print("- cgroups: v1 controllers only (this runs in a private mount namespace with %s unmounted, "
              "for all three runtimes alike); no cgroupsPath in the config, so each runtime uses its default" % UNIFIED)
        print("- bundles: make-bundle.sh (busybox-static rootfs, `srun spec` config, terminal false, "
              "ociVersion %s): `run` bundle args [\"true\"], create..delete bundle args "
              "[\"sh\", \"-c\", \"sleep 1000\"]; the same bundles for all three runtimes" % oci_version)
        with open(os.path.join(bench.bundle_true, "config.json")) as f:
            print("- linux.resources: `%s`" % json.dumps(json.load(f)["linux"].get("resources"), separators=(",", ":")))
        print("- method: wall time of each command (perf_counter_ns around posix_spawn + wait4), stdin "
              "/dev/null, stdout/stderr to files; per iteration round-robin over the runtimes (start rotated), "
              "`run` for each, then create/start/state/kill/(untimed: wait for the init's exit, reaped by this "
              "process as child subreaper)/delete for each; the sum row is the median of per-iteration sums. "
              "Peak RSS: separate untimed ptrace'd runs (%d iterations, same interleaving), median of max VmHWM "
              "over the syscall stops and exit stop of the invoked runtime process (not its children). "
              "Binaries dropped from the page cache before measuring. ms medians; MB = MiB." % args.rss_iterations)
        for n in notes:
            print("- note: %s" % n)
        sys.stdout.flush()

        # ---- RSS (untimed, ptrace'd)
        t0 = time.monotonic()
        for it in range(args.rss_iterations):
            k = it % len(rts)
            order = rts[k:] + rts[:k]
            for rt in order:
                rt.hwm["run"].append(bench.call(rt, "run", "%s%s-m%d-r" % (bench.prefix, rt.name, it), traced=True))
            for rt in order:
                v = bench.lifecycle(rt, "%s%s-m%d-l" % (bench.prefix, rt.name, it), traced=True)
                for c, x in v.items():
                    rt.hwm[c].append(x)
            reap_all()
        rss_s = time.monotonic() - t0
        print("- peak RSS runs: %d iterations, %.1f s" % (args.rss_iterations, rss_s), file=sys.stderr, flush=True)

        phases = [("warm", "w", args.iterations, args.warmup, 0.0)]
        if not args.no_cold:
            phases.append(("cold", "c", args.cold_iterations, 1, args.cold_sleep_ms / 1000.0))
        for mode, tag, iters, warm, sleep_s in phases:
            for rt in rts:
                rt.reset()
            t0 = time.monotonic()
            total = warm + iters
            for it in range(total):
                keep = it >= warm
                k = it % len(rts)
                order = rts[k:] + rts[:k]
                for rt in order:
                    ns = bench.call(rt, "run", "%s%s-%s%d-r" % (bench.prefix, rt.name, tag, it), sleep_s=sleep_s)
                    if keep:
                        rt.samples["run"].append(ns)
                for rt in order:
                    v = bench.lifecycle(rt, "%s%s-%s%d-l" % (bench.prefix, rt.name, tag, it), sleep_s=sleep_s)
                    if keep:
                        for c, x in v.items():
                            rt.samples[c].append(x)
                        rt.sums.append(sum(v[c] for c in SUM_CALLS))
                reap_all()
                if (it + 1) % 25 == 0:
                    print("  %s: %d/%d iterations" % (mode, it + 1, total), file=sys.stderr, flush=True)
            dt = time.monotonic() - t0
            print()
            if mode == "warm":
                print("## Warm: back to back, %d interleaved iterations per runtime (%d warm-up discarded), "
                      "%.1f s; peak RSS from %d ptrace'd iterations\n" % (iters, warm, dt, args.rss_iterations))
            else:
                print("## Cold: sleep %.0f ms before each call, %d interleaved iterations per runtime "
                      "(%d warm-up discarded), %.1f s; peak RSS as above (same runs)\n" % (
                          args.cold_sleep_ms, iters, warm, dt))
            print(table(rts))
            print()
            for v in verdicts(rts, mode == "warm"):
                print(v)
            sys.stdout.flush()
            results[mode] = {rt.name: {"wall_ns": rt.samples, "sum_ns": rt.sums} for rt in rts}
        results["vmhwm_kib"] = {rt.name: rt.hwm for rt in rts}
        print("\n- loadavg at end: %.2f %.2f %.2f" % os.getloadavg())
        try:
            st = os.stat(srun_orig)
            if (st.st_ino, st.st_mtime_ns, st.st_size) != (orig_stat.st_ino, orig_stat.st_mtime_ns, orig_stat.st_size):
                print("- note: %s was rebuilt during the run; the numbers are for the copy taken at start" % srun_orig)
        except OSError:
            pass
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"machine": m, "srun": ei, "results": results}, f)
    except Abort as e:
        print("\nABORT: %s" % e, file=sys.stderr)
        rc = 1
    except (KeyboardInterrupt, Interrupted) as e:
        print("\ninterrupted (%s): cleaning up" % (str(e) or "SIGINT"), file=sys.stderr)
        rc = 130
    finally:
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, signal.SIG_IGN)  # let the cleanup finish
        notes, left = bench.cleanup(rts)
        shutil.rmtree(tmp, ignore_errors=True)
        for n in notes:
            print("- cleanup: %s" % n, file=sys.stderr if rc else sys.stdout)
        if left:
            rc = rc or 1
    sys.exit(rc)


if __name__ == "__main__":
    main()
