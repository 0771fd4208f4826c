#!/usr/bin/env python3
"""Startup benchmark: srun vs crun vs runc (python3 standard library only).

Measures, interleaved (round-robin over the commands in every iteration):
  1. `srun --version` vs `crun --version` vs `runc --version`
  2. `srun features`  vs `runc features` (and `crun features` if this crun has it)
  3. `srun --root <tmp> create --bundle <bundle> bench-id` with the largest
     fixture of spec-fixtures/valid/ as config.json and no rootfs directory:
     create parses and validates the whole config, then stops at the missing
     rootfs before it makes anything, so its time is startup + parse + validate;
     "create - --version" (paired per iteration) is the parse+validate cost.

Wall time: time.perf_counter_ns() around os.posix_spawn + os.wait4 of a child
whose stdout/stderr go to /dev/null.

Peak RSS: os.wait4's ru_maxrss of a posix_spawn/fork child is useless here: at
execve the kernel folds the hiwater RSS of the *pre-exec* address space into
the child's signal->maxrss, and for a vfork/fork child of Python that address
space is Python's (~13 MB), so every command reads the same ~13 MB. So each
timed run is paired with an RSS run (also interleaved, not timed): the child
is started under ptrace (PTRACE_TRACEME via ctypes, PTRACE_O_TRACEEXIT), and at
its exit stop, before its memory is torn down, VmHWM is read from
/proc/<pid>/status. That is the peak RSS of the command's own address space
(what ru_maxrss would say with a tiny parent). VmHWM is also read at every
syscall stop, so an image replaced by execve counts too (crun 1.8 re-execs
itself from a memfd copy). The ru_maxrss that os.wait4
returns is still recorded and printed as a note.

Usage: startup.py [--srun PATH] [--iterations 200] [--warmup 5]
                  [--cold-iterations 50] [--cold-sleep-ms 50] [--fixture PATH]
                  [--no-cold] [--json FILE]
"""

import argparse
import ctypes
import json
import os
import platform
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

RSS_TARGET_KIB = 4 * 1024  # "at most 4 MB" read as 4 MiB = 4096 KiB

# ---------------------------------------------------------------- spawning

DEVNULL_ACTIONS = [
    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
]


def timed_run(path, argv, env):
    """posix_spawn + wait4; returns (wall_ns, exit_code, ru_maxrss_kib)."""
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(path, argv, env, file_actions=DEVNULL_ACTIONS)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    return t1 - t0, os.waitstatus_to_exitcode(status), ru.ru_maxrss


_libc = ctypes.CDLL(None, use_errno=True)
_libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
_libc.ptrace.restype = ctypes.c_long
PTRACE_TRACEME = 0
PTRACE_CONT = 7
PTRACE_SYSCALL = 24
PTRACE_SETOPTIONS = 0x4200
PTRACE_O_TRACESYSGOOD = 0x1
PTRACE_O_TRACEEXEC = 0x10
PTRACE_O_TRACEEXIT = 0x40
PTRACE_O_EXITKILL = 0x100000
PTRACE_EVENT_EXEC = 4
PTRACE_EVENT_EXIT = 6
SIGTRAP = 5


def _ptrace(req, pid, addr, data):
    r = _libc.ptrace(req, pid, ctypes.c_void_p(addr), ctypes.c_void_p(data))
    if r == -1:
        e = ctypes.get_errno()
        raise OSError(e, "ptrace(%d, %d): %s" % (req, pid, os.strerror(e)))
    return r


def _vm_hwm_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def rss_run(path, argv, env):
    """Run under ptrace; returns (exit_code, peak VmHWM_kib, ru_maxrss_kib).

    The peak is the max of VmHWM read at every syscall stop and at the exit
    stop of the (main thread of the) child, so an image replaced by execve is
    counted too (crun 1.8 re-execs itself from a memfd copy of its binary)."""
    devnull = os.open(os.devnull, os.O_RDWR)
    pid = os.fork()
    if pid == 0:  # child: redirect stdio, ask to be traced, exec
        try:
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            if _libc.ptrace(PTRACE_TRACEME, 0, None, None) != 0:
                os._exit(126)
            os.execve(path, argv, env)
        finally:
            os._exit(127)
    os.close(devnull)
    hwm = None
    first = True

    def read():
        nonlocal hwm
        v = _vm_hwm_kib(pid)
        if v is not None and (hwm is None or v > hwm):
            hwm = v

    while True:
        _, status, ru = os.wait4(pid, 0)
        if not os.WIFSTOPPED(status):
            return os.waitstatus_to_exitcode(status), hwm, ru.ru_maxrss
        sig = os.WSTOPSIG(status)
        event = status >> 16
        deliver = 0
        if first and sig == SIGTRAP:  # the SIGTRAP of the first execve
            first = False
            _ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC
                    | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL)
            read()
        elif sig == SIGTRAP | 0x80 or (sig == SIGTRAP and event == PTRACE_EVENT_EXIT):
            read()
        elif sig == SIGTRAP and event == PTRACE_EVENT_EXEC:
            pass
        else:
            deliver = sig  # a real signal: pass it on
        _ptrace(PTRACE_SYSCALL, pid, 0, deliver)


# ---------------------------------------------------------------- helpers


def pct(data, p):
    """Percentile, linear interpolation between closest ranks."""
    s = sorted(data)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def elf_info(path):
    """Section/segment facts of an ELF64 LE file: stripped?, debug bytes, PT_LOAD sizes."""
    info = {"size": os.path.getsize(path)}
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            return info
        (e_phoff, e_shoff) = struct.unpack_from("<QQ", data, 0x20)
        (e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx) = struct.unpack_from("<HHHHH", data, 0x36)
        load_file = load_mem = 0
        interp = False
        for i in range(e_phnum):
            p_type, _flags, _off, _va, _pa, p_filesz, p_memsz, _align = struct.unpack_from(
                "<IIQQQQQQ", data, e_phoff + i * e_phentsize)
            if p_type == 1:
                load_file += p_filesz
                load_mem += p_memsz
            elif p_type == 3:
                interp = True
        secs = []
        for i in range(e_shnum):
            secs.append(struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize))
        strtab = secs[e_shstrndx] if secs else None
        debug = 0
        symtab = False
        for s in secs:
            name_off = strtab[4] + s[0]
            name = data[name_off:data.index(b"\0", name_off)].decode()
            if name.startswith(".debug_") or name.startswith(".zdebug_"):
                debug += s[5]
            if name == ".symtab":
                symtab = True
        info.update(static=not interp, stripped=not symtab and debug == 0, symtab=symtab,
                    debug_bytes=debug, load_file_bytes=load_file, load_mem_bytes=load_mem)
    except Exception as e:  # informational only
        info["error"] = str(e)
    return info


def evict(path):
    """Write back and drop a binary's page-cache pages, so that every binary is
    read back from disk (as an installed one is) rather than mapped from pages a
    linker or installer just wrote: those can be large folios, and a fault maps
    the whole folio, so a freshly linked srun reads up to ~2.5 MB more RSS."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "sched_cpus": len(os.sched_getaffinity(0)),
            "kernel": platform.release(), "cpu": cpu, "loadavg": os.getloadavg()}


def first_line(path, args):
    try:
        out = subprocess.run([path] + args, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as e:
        return "? (%s)" % e


# ---------------------------------------------------------------- bench


class Cmd:
    def __init__(self, label, argv, expect_rc=0):
        self.label = label
        self.argv = argv
        self.path = argv[0]
        self.expect_rc = expect_rc
        self.wall_ns = []
        self.hwm_kib = []
        self.ru_maxrss = []

    def reset(self):
        self.wall_ns, self.hwm_kib, self.ru_maxrss = [], [], []


def preflight(cmd, env, expect_stderr=None):
    r = subprocess.run(cmd.argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    return r


def run_round(cmds, env, iterations, warmup, sleep_s, record):
    total = warmup + iterations
    for it in range(total):
        keep = it >= warmup
        # rotate the start so no command is always first after the sleep/RSS run
        order = cmds[it % len(cmds):] + cmds[:it % len(cmds)]
        for c in order:
            if sleep_s:
                time.sleep(sleep_s)
            ns, rc, _ = timed_run(c.path, c.argv, env)
            if rc != c.expect_rc:
                sys.exit("abort: %s exited %d (expected %d) in a timed run" % (" ".join(c.argv), rc, c.expect_rc))
            if sleep_s:
                time.sleep(sleep_s)
            rc2, hwm, maxrss = rss_run(c.path, c.argv, env)
            if rc2 != c.expect_rc or hwm is None:
                sys.exit("abort: %s exited %d (expected %d) / no VmHWM in an RSS run" % (" ".join(c.argv), rc2, c.expect_rc))
            if keep:
                c.wall_ns.append(ns)
                c.hwm_kib.append(hwm)
                c.ru_maxrss.append(maxrss)
        if record and (it + 1) % 50 == 0:
            print("  %s: %d/%d iterations" % (record, it + 1, total), file=sys.stderr, flush=True)


def table(cmds, crun_version, srun_version, srun_create):
    base = statistics.median(crun_version.wall_ns) if crun_version else None
    lines = ["| command | median ms | p90 ms | peak RSS MB (median) | ratio to crun --version |",
             "|---|---:|---:|---:|---:|"]
    for c in cmds:
        med = statistics.median(c.wall_ns)
        ratio = "%.2f" % (med / base) if base else "n/a"
        lines.append("| `%s` | %.3f | %.3f | %.2f | %s |" % (
            c.label, med / 1e6, pct(c.wall_ns, 90) / 1e6, statistics.median(c.hwm_kib) / 1024.0, ratio))
    if srun_create and srun_version:
        diffs = [a - b for a, b in zip(srun_create.wall_ns, srun_version.wall_ns)]
        dr = [a - b for a, b in zip(srun_create.hwm_kib, srun_version.hwm_kib)]
        lines.append("| parse+validate cost (`create` − `--version`, paired) | %.3f | %.3f | %+.2f | %s |" % (
            statistics.median(diffs) / 1e6, pct(diffs, 90) / 1e6, statistics.median(dr) / 1024.0,
            "%.2f" % (statistics.median(diffs) / base) if base else "n/a"))
    return "\n".join(lines)


def verdicts(cmds, crun_version, srun_version):
    out = []
    if crun_version and srun_version:
        r = statistics.median(srun_version.wall_ns) / statistics.median(crun_version.wall_ns)
        out.append("- Target 1, `srun --version` median / `crun --version` median <= 1.0: **%s** (%.3f)" % (
            "PASS" if r <= 1.0 else "FAIL", r))
    worst = []
    ok = True
    for c in cmds:
        if c.label.startswith("srun"):
            m = max(c.hwm_kib)
            worst.append("`%s` max %.2f MB" % (c.label, m / 1024.0))
            ok = ok and m <= RSS_TARGET_KIB
    out.append("- Target 2, peak RSS <= 4 MB (4096 KiB) for every srun call (max over all runs): **%s** (%s)" % (
        "PASS" if ok else "FAIL", "; ".join(worst)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--srun", default=os.environ.get("SRUN", os.path.join(REPO, ".build/release/srun")))
    ap.add_argument("--crun", default=shutil.which("crun"))
    ap.add_argument("--runc", default=shutil.which("runc"))
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--cold-iterations", type=int, default=50)
    ap.add_argument("--cold-sleep-ms", type=float, default=50.0)
    ap.add_argument("--no-cold", action="store_true")
    ap.add_argument("--fixture", help="config to parse (default: largest file in spec-fixtures/valid/)")
    ap.add_argument("--no-evict", action="store_true",
                    help="do not drop the srun/crun/runc binaries from the page cache before measuring")
    ap.add_argument("--json", help="also write raw samples to this file")
    args = ap.parse_args()

    srun = os.path.abspath(args.srun)
    if not os.access(srun, os.X_OK):
        sys.exit("srun binary not found at %s (run integration/bench/startup.sh to build it)" % srun)
    env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), "LANG": "C"}
    notes = []

    # ---- the config fixture
    if args.fixture:
        fixture = os.path.abspath(args.fixture)
    else:
        vdir = os.path.join(REPO, "spec-fixtures", "valid")
        files = [os.path.join(vdir, f) for f in os.listdir(vdir)
                 if f.endswith(".json") and os.path.isfile(os.path.join(vdir, f))]
        if not files:
            sys.exit("no fixtures in %s" % vdir)
        fixture = max(files, key=lambda p: (os.path.getsize(p), p))
    tmp = tempfile.mkdtemp(prefix="srun-bench-")
    try:
        # Benchmark a snapshot: others may rebuild .build/release/srun mid-run.
        srun_orig = srun
        orig_stat = os.stat(srun_orig)
        srun = os.path.join(tmp, "srun")
        shutil.copy2(srun_orig, srun)
        bundle = os.path.join(tmp, "bundle")
        root = os.path.join(tmp, "root")
        os.mkdir(bundle)  # no rootfs: create stops right after validating the config
        shutil.copyfile(fixture, os.path.join(bundle, "config.json"))

        cmds = []
        srun_version = Cmd("srun --version", [srun, "--version"])
        cmds.append(srun_version)
        crun_version = runc_version = None
        if args.crun:
            crun_version = Cmd("crun --version", [args.crun, "--version"])
            cmds.append(crun_version)
        else:
            notes.append("crun not found: no crun baseline, ratios are n/a")
        if args.runc:
            runc_version = Cmd("runc --version", [args.runc, "--version"])
            cmds.append(runc_version)
        else:
            notes.append("runc not found: runc rows skipped")
        cmds.append(Cmd("srun features", [srun, "features"]))
        if args.runc:
            cmds.append(Cmd("runc features", [args.runc, "features"]))
        if args.crun:
            c = Cmd("crun features", [args.crun, "features"])
            r = preflight(c, env)
            if r.returncode == 0 and r.stdout.lstrip().startswith("{"):
                cmds.append(c)
            else:
                notes.append("`crun features` skipped: %s does not implement it (exit %d: %s)" % (
                    first_line(args.crun, ["--version"]), r.returncode, (r.stderr or r.stdout).strip()[:80]))
        srun_create = Cmd("srun create <largest fixture>",
                          [srun, "--root", root, "create", "--bundle", bundle, "bench-id"], expect_rc=1)
        cmds.append(srun_create)

        # ---- preflight: every command works and create fails the expected way
        for c in cmds:
            r = preflight(c, env)
            if c is srun_create:
                if r.returncode != 1 or "is not a directory" not in r.stderr:
                    sys.exit("abort: `%s` exited %d, stderr: %s\n(the fixture %s probably failed validation: "
                             "create must stop at the missing rootfs)"
                             % (" ".join(c.argv), r.returncode, r.stderr.strip(), fixture))
            elif r.returncode != 0:
                sys.exit("abort: `%s` exited %d: %s" % (" ".join(c.argv), r.returncode, r.stderr.strip()))
            elif c.label.endswith("features"):
                json.loads(r.stdout)  # must be valid JSON

        if not args.no_evict:
            for path in {srun, args.crun, args.runc} - {None}:
                try:
                    evict(os.path.realpath(path))
                except OSError as e:
                    notes.append("could not evict %s from the page cache: %s" % (path, e))
        m = machine()
        ei = elf_info(srun)
        print("# srun startup benchmark\n")
        print("- machine: nproc=%d (affinity %d), kernel %s, CPU %s, loadavg at start %.2f %.2f %.2f" % (
            m["nproc"], m["sched_cpus"], m["kernel"], m["cpu"], *m["loadavg"]))
        print("- srun: %s (%s), mtime %s; benchmarked as a copy taken at start" % (
            srun_orig, first_line(srun, ["--version"]),
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(orig_stat.st_mtime))))
        if "stripped" in ei:
            print("- srun binary: %d bytes (%.2f MB), %s, %s; .debug_* sections %.2f MB, "
                  "loaded segments (PT_LOAD file size) %.2f MB" % (
                      ei["size"], ei["size"] / 1048576.0, "static" if ei["static"] else "dynamic",
                      "stripped" if ei["stripped"] else ("not stripped (symtab%s)" % (", debug info" if ei["debug_bytes"] else "")),
                      ei["debug_bytes"] / 1048576.0, ei["load_file_bytes"] / 1048576.0))
        else:
            print("- srun binary: %d bytes (%.2f MB)" % (ei["size"], ei["size"] / 1048576.0))
        for name, path in (("crun", args.crun), ("runc", args.runc)):
            if path:
                print("- %s: %s (%s), %.2f MB" % (name, path, first_line(path, ["--version"]),
                                                  os.path.getsize(path) / 1048576.0))
        print("- config fixture: %s (%d bytes, largest in spec-fixtures/valid/)" % (
            os.path.relpath(fixture, REPO), os.path.getsize(fixture)) if not args.fixture else
            "- config fixture: %s (%d bytes)" % (fixture, os.path.getsize(fixture)))
        print("- method: per iteration, round-robin over all commands (start rotated each iteration); each "
              "command gets one timed run (perf_counter_ns around posix_spawn+wait4, stdio to /dev/null) and one "
              "ptrace'd RSS run (max VmHWM over the syscall stops and the exit stop). Times in ms, RSS in MB = MiB (KiB/1024).%s" % (
                  "" if args.no_evict else " The srun, crun and runc binaries were written back and dropped from "
                  "the page cache first (POSIX_FADV_DONTNEED), so they are read from disk as installed binaries are."))
        for n in notes:
            print("- note: %s" % n)
        sys.stdout.flush()

        results = {}
        phases = [("warm", args.iterations, args.warmup, 0.0)]
        if not args.no_cold:
            phases.append(("cold", args.cold_iterations, 1, args.cold_sleep_ms / 1000.0))
        for name, iters, warm, sleep_s in phases:
            for c in cmds:
                c.reset()
            t0 = time.monotonic()
            run_round(cmds, env, iters, warm, sleep_s, name)
            dt = time.monotonic() - t0
            print()
            if name == "warm":
                print("## Warm: %d interleaved iterations per command (%d warm-up iterations discarded), %.1f s\n"
                      % (iters, warm, dt))
            else:
                print("## Cold: sleep %.0f ms before each call, %d interleaved iterations per command "
                      "(%d warm-up discarded), %.1f s\n" % (args.cold_sleep_ms, iters, warm, dt))
            print(table(cmds, crun_version, srun_version, srun_create))
            print()
            for v in verdicts(cmds, crun_version, srun_version):
                print(v)
            mx = sorted(set(x for c in cmds for x in c.ru_maxrss))
            print("- note: os.wait4 ru_maxrss of the same children reads %s KiB for every command "
                  "(the spawning Python's own RSS, inherited at execve), so it is not used." % (
                      "%d" % mx[0] if len(mx) == 1 else "%d..%d" % (mx[0], mx[-1])))
            sys.stdout.flush()
            results[name] = {c.label: {"wall_ns": c.wall_ns, "vmhwm_kib": c.hwm_kib, "ru_maxrss_kib": c.ru_maxrss}
                             for c in cmds}
        print("\n- loadavg at end: %.2f %.2f %.2f" % os.getloadavg())
        try:
            st = os.stat(srun_orig)
            if (st.st_ino, st.st_mtime_ns, st.st_size) != (orig_stat.st_ino, orig_stat.st_mtime_ns, orig_stat.st_size):
                print("- note: %s was rebuilt during the run; the numbers are for the copy taken at start" % srun_orig)
        except OSError:
            pass
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"machine": m, "srun": ei, "fixture": fixture, "results": results}, f)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
