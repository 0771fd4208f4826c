#!/usr/bin/env python3
"""Which functions of a static binary one command runs, in the order it first enters them.

usage: function-trace.py OUT BINARY ARGS...

Every function start of BINARY (from nm) gets a one-shot breakpoint (int3) and the command
runs under ptrace. Each function the command's own process enters, across its re-exec, is
written to OUT as its symbol names, one function per line group. Forked children (the
container's init, hooks) inherit the breakpoints, so they are traced too; their functions go
to OUT.child. Unlike callgrind, this follows clone3, pidfds and namespaces, so create and run
are traced past the clone, and only the real process's pages are in the picture.
"""
import ctypes
import os
import signal
import subprocess
import sys

PTRACE_TRACEME, PTRACE_CONT, PTRACE_GETREGS, PTRACE_SETREGS = 0, 7, 12, 13
PTRACE_DETACH, PTRACE_SETOPTIONS = 17, 0x4200
OPTIONS = 0x10 | 0x2 | 0x4 | 0x8  # TRACEEXEC, TRACEFORK, TRACEVFORK, TRACECLONE
EVENT_EXEC = 4
RIP = 16  # index of rip in struct user_regs_struct
WALL = 0x40000000

libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
libc.ptrace.restype = ctypes.c_long
Regs = ctypes.c_ulong * 27


def functions(binary):
    """{address: [names]} of the binary's code symbols."""
    out = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    names = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            names.setdefault(int(parts[0], 16), []).append(parts[2])
    return names


class Breakpoints:
    def __init__(self, names):
        self.names = names
        self.lo, self.hi = min(names), max(names) + 1
        self.original = {}

    def arm(self, pid):
        """One write of the whole code range through /proc/PID/mem (a tracer may write read-only text)."""
        with open("/proc/%d/mem" % pid, "r+b", buffering=0) as mem:
            mem.seek(self.lo)
            self.clean = mem.read(self.hi - self.lo)
            text = bytearray(self.clean)
            for addr in self.names:
                self.original[addr] = text[addr - self.lo]
                text[addr - self.lo] = 0xCC
            mem.seek(self.lo)
            mem.write(text)

    def hit(self, pid):
        """The function whose breakpoint the stopped pid just hit, restored and resumed at; or None."""
        regs = Regs()
        libc.ptrace(PTRACE_GETREGS, pid, None, ctypes.byref(regs))
        addr = regs[RIP] - 1
        if addr not in self.original:
            return None
        with open("/proc/%d/mem" % pid, "r+b", buffering=0) as mem:
            mem.seek(addr)
            mem.write(bytes([self.original[addr]]))
        regs[RIP] = addr
        libc.ptrace(PTRACE_SETREGS, pid, None, ctypes.byref(regs))
        return addr

    def release(self, pid):
        """Stops a child that outlives the command (create's init at its exec fifo), gives it its
        code back and detaches, so that it runs on untraced."""
        os.kill(pid, signal.SIGSTOP)
        while True:
            _, st = os.waitpid(pid, WALL)
            if not os.WIFSTOPPED(st):
                return
            if os.WSTOPSIG(st) == signal.SIGSTOP and st >> 16 == 0:
                break
            libc.ptrace(PTRACE_CONT, pid, None, None)
        with open("/proc/%d/mem" % pid, "r+b", buffering=0) as mem:
            mem.seek(self.lo)
            mem.write(self.clean)
        libc.ptrace(PTRACE_DETACH, pid, None, None)


def trace(out, argv):
    breakpoints = Breakpoints(functions(argv[0]))
    main = os.fork()
    if main == 0:
        libc.ptrace(PTRACE_TRACEME, 0, None, None)
        os.execv(argv[0], argv)
    os.waitpid(main, 0)
    libc.ptrace(PTRACE_SETOPTIONS, main, None, OPTIONS)
    breakpoints.arm(main)
    libc.ptrace(PTRACE_CONT, main, None, None)
    seen = {"main": [], "child": []}
    children = set()
    status = None
    while status is None:
        pid, st = os.waitpid(-1, WALL)
        if os.WIFEXITED(st) or os.WIFSIGNALED(st):
            if pid == main:
                status = os.waitstatus_to_exitcode(st)
            children.discard(pid)
            continue
        if pid != main:
            children.add(pid)
        sig, event, deliver = os.WSTOPSIG(st), st >> 16, 0
        if sig == signal.SIGTRAP and event == EVENT_EXEC:
            if pid != main:  # a child became the container's process or a hook: not ours
                libc.ptrace(PTRACE_DETACH, pid, None, None)
                children.discard(pid)
                continue
            breakpoints.arm(pid)
        elif sig == signal.SIGTRAP and event == 0:
            addr = breakpoints.hit(pid)
            if addr is None:
                deliver = sig
            else:
                seen["main" if pid == main else "child"].append(addr)
        elif sig == signal.SIGSTOP and pid != main:
            pass  # the first stop of an auto-attached child
        elif event == 0:
            deliver = sig
        libc.ptrace(PTRACE_CONT, pid, None, deliver)
    for pid in children:
        breakpoints.release(pid)
    for kind, path in (("main", out), ("child", out + ".child")):
        with open(path, "w") as f:
            for addr in seen[kind]:
                f.write(" ".join(breakpoints.names[addr]) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(trace(sys.argv[1], sys.argv[2:]))
