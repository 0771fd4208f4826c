// srun's ELF entry point (linked with --entry=srun_entry). create and run re-execute srun
// from a sealed copy (BinarySeal.swift, CVE-2019-5736) before doing anything else; doing it
// here, before glibc's start-up, saves the first image's glibc and Swift runtime start-up
// (glibc's CPU probing alone traps to the hypervisor some fifty times) and its page faults.
// Anything unusual (a kernel without the new mount API, a failure) falls through to the
// normal start, where BinarySeal does the same in Swift, with a memfd fallback and errors.
//
// Nothing of glibc is usable yet: no TLS (so no errno and no stack protector), no IRELATIVE
// relocations (so no string functions). Only raw system calls and hand-written loops.

#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/vfs.h>

#define EARLY __attribute__((no_stack_protector, no_builtin, used))

#if defined(__x86_64__)
__asm__(
    ".text\n"
    ".globl srun_entry\n"
    ".type srun_entry,@function\n"
    "srun_entry:\n"
    "    mov %rsp, %rdi\n"
    "    call srun_early_seal\n"
    "    xor %edx, %edx\n"  // rtld_fini for _start: none, as the kernel left it
    "    jmp _start\n");

EARLY static long early_syscall(long n, long a1, long a2, long a3, long a4, long a5) {
    long ret;
    register long r10 __asm__("r10") = a4;
    register long r8 __asm__("r8") = a5;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return ret;
}
#elif defined(__aarch64__)
__asm__(
    ".text\n"
    ".globl srun_entry\n"
    ".type srun_entry,%function\n"
    "srun_entry:\n"
    "    mov x0, sp\n"
    "    bl srun_early_seal\n"
    "    mov x0, #0\n"
    "    b _start\n");

EARLY static long early_syscall(long n, long a1, long a2, long a3, long a4, long a5) {
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a1;
    register long x1 __asm__("x1") = a2;
    register long x2 __asm__("x2") = a3;
    register long x3 __asm__("x3") = a4;
    register long x4 __asm__("x4") = a5;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
    return x0;
}
#else
#error "srun_entry: no entry point for this architecture"
#endif

#define EARLY_OPEN_TREE_CLONE 1
#define EARLY_MOUNT_ATTR (0x1 | 0x2 | 0x4)  // RDONLY | NOSUID | NODEV
#define EARLY_ST_RDONLY 1
#define EARLY_F_GET_SEALS 1034
#define EARLY_F_SEAL_WRITE 0x8
#define EARLY_SYS_OPEN_TREE 428
#define EARLY_SYS_MOUNT_SETATTR 442

// The marker BinarySeal.swift reads after the re-exec: the fd of the held mount.
static const char marker[] = "_SRUN_SEALED=";

EARLY static int early_equal(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

EARLY static int early_has_prefix(const char *s, const char *prefix) {
    while (*prefix && *s == *prefix) { s++; prefix++; }
    return *prefix == 0;
}

EARLY static void early_close(long fd) { early_syscall(SYS_close, fd, 0, 0, 0, 0); }

// Returns unless it replaced the process with the sealed copy.
EARLY void srun_early_seal(long *stack) {
    long argc = stack[0];
    char **argv = (char **)(stack + 1);
    char **envp = argv + argc + 1;
    int clones = 0;
    for (long i = 0; i < argc; i++) {
        if (early_equal(argv[i], "create") || early_equal(argv[i], "run")) clones = 1;
    }
    if (!clones) return;
    long envc = 0;
    for (; envp[envc]; envc++) {
        if (early_has_prefix(envp[envc], marker)) return;  // this is the sealed copy
    }

    long exe = early_syscall(SYS_openat, AT_FDCWD, (long)"/proc/self/exe", O_RDONLY | O_CLOEXEC, 0, 0);
    if (exe < 0) return;
    struct statfs fs;
    int sealed = early_syscall(SYS_fstatfs, exe, (long)&fs, 0, 0, 0) == 0 && (fs.f_flags & EARLY_ST_RDONLY);
    long seals = early_syscall(SYS_fcntl, exe, EARLY_F_GET_SEALS, 0, 0, 0);
    sealed = sealed || (seals >= 0 && (seals & EARLY_F_SEAL_WRITE));
    early_close(exe);
    if (sealed) return;

    long tree = early_syscall(EARLY_SYS_OPEN_TREE, AT_FDCWD, (long)"/proc/self/exe", EARLY_OPEN_TREE_CLONE | O_CLOEXEC, 0, 0);
    if (tree < 0) return;
    unsigned long long attr[4] = { EARLY_MOUNT_ATTR, 0, 0, 0 };
    long kept = -1;
    if (early_syscall(EARLY_SYS_MOUNT_SETATTR, tree, (long)"", AT_EMPTY_PATH, (long)attr, sizeof(attr)) == 0) {
        kept = early_syscall(SYS_fcntl, tree, F_DUPFD, 3, 0, 0);
    }
    if (kept >= 0) {
        char variable[sizeof(marker) + 20];
        int length = 0;
        for (; marker[length]; length++) variable[length] = marker[length];
        char digits[20];
        int count = 0;
        for (long value = kept; value > 0 || count == 0; value /= 10) digits[count++] = (char)('0' + value % 10);
        while (count > 0) variable[length++] = digits[--count];
        variable[length] = 0;
        char *environment[envc + 2];
        for (long i = 0; i < envc; i++) environment[i] = envp[i];
        environment[envc] = variable;
        environment[envc + 1] = 0;
        early_syscall(SYS_execveat, tree, (long)"", (long)argv, (long)environment, AT_EMPTY_PATH);
        early_close(kept);
    }
    early_close(tree);
}
