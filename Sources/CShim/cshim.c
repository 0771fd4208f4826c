#include "cshim.h"

#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <errno.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

pid_t srun_clone3(uint64_t flags, int cgroup_fd, int *pidfd_out) {
    struct clone_args args;
    memset(&args, 0, sizeof(args));
    args.flags = flags;
    args.exit_signal = SIGCHLD;
    if (pidfd_out) {
        args.flags |= CLONE_PIDFD;
        args.pidfd = (uint64_t)(uintptr_t)pidfd_out;
    }
    if (cgroup_fd >= 0) {
        args.flags |= CLONE_INTO_CGROUP;
        args.cgroup = (uint64_t)cgroup_fd;
    }
    return (pid_t)syscall(SYS_clone3, &args, sizeof(args));
}

pid_t srun_clone_fork(unsigned long flags) {
    return (pid_t)syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
}

// Copied into the child by the fork, like the rest of the caller's memory.
static cpu_set_t placement_cpus;
static int placement_cpus_known;
static int placement_batch;

static void placement_policy(int policy) {
    struct sched_param param = { .sched_priority = 0 };
    sched_setscheduler(0, policy, &param);
}

void srun_fork_placement_begin(void) {
    placement_cpus_known = sched_getaffinity(0, sizeof(placement_cpus), &placement_cpus) == 0;
    placement_batch = sched_getscheduler(0) == SCHED_OTHER;
    if (placement_batch) placement_policy(SCHED_BATCH);
}

void srun_fork_placement_parent(pid_t child) {
    int cpu = sched_getcpu();
    if (child > 0 && placement_cpus_known && cpu >= 0 && cpu < CPU_SETSIZE && CPU_COUNT(&placement_cpus) > 1 &&
        CPU_ISSET(cpu, &placement_cpus)) {
        cpu_set_t others = placement_cpus;
        CPU_CLR(cpu, &others);
        sched_setaffinity(child, sizeof(others), &others);
    }
    // Only once the child is gone from this CPU: back to SCHED_OTHER, the caller would be
    // queued anew and could lose the CPU to it for a millisecond.
    if (placement_batch) placement_policy(SCHED_OTHER);
}

void srun_fork_placement_child(void) {
    if (placement_batch) placement_policy(SCHED_OTHER);
    if (placement_cpus_known) sched_setaffinity(0, sizeof(placement_cpus), &placement_cpus);
}

long srun_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) {
    return prctl(option, arg2, arg3, arg4, arg5);
}

int srun_setns(int fd, int nstype) { return setns(fd, nstype); }
int srun_unshare(int flags) { return unshare(flags); }
int srun_setresuid(uid_t uid) { return setresuid(uid, uid, uid); }
int srun_setresgid(gid_t gid) { return setresgid(gid, gid, gid); }

int srun_join_session_keyring(const char *name) {
    return (int)syscall(SYS_keyctl, 1 /* KEYCTL_JOIN_SESSION_KEYRING */, name);
}

int srun_mount_setattr_recursive(const char *path, uint64_t set) {
    struct { uint64_t attr_set, attr_clr, propagation, userns_fd; } attr = { set, 0, 0, 0 };
    return (int)syscall(442 /* SYS_mount_setattr */, AT_FDCWD, path, 0x8000 /* AT_RECURSIVE */, &attr, sizeof(attr));
}

int srun_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct { uint64_t flags, mode, resolve; } how = { flags, mode, resolve };
    return (int)syscall(437 /* SYS_openat2 */, dirfd, path, &how, sizeof(how));
}

int srun_open_tree_clone(const char *path, int recursive) {
    unsigned int flags = 1 /* OPEN_TREE_CLONE */ | O_CLOEXEC | (recursive ? 0x8000 /* AT_RECURSIVE */ : 0);
    return (int)syscall(428 /* SYS_open_tree */, AT_FDCWD, path, flags);
}

int srun_mount_setattr_idmap(int tree_fd, int recursive, int userns_fd) {
    struct { uint64_t attr_set, attr_clr, propagation, userns_fd; } attr = { 0x00100000 /* MOUNT_ATTR_IDMAP */, 0, 0, (uint64_t)userns_fd };
    unsigned int flags = 0x1000 /* AT_EMPTY_PATH */ | (recursive ? 0x8000 : 0);
    return (int)syscall(442 /* SYS_mount_setattr */, tree_fd, "", flags, &attr, sizeof(attr));
}

int srun_move_mount(int tree_fd, int target_fd) {
    return (int)syscall(429 /* SYS_move_mount */, tree_fd, "", target_fd, "",
                        0x4 /* MOVE_MOUNT_F_EMPTY_PATH */ | 0x40 /* MOVE_MOUNT_T_EMPTY_PATH */);
}

int srun_open_pty(int *master, char *slave_name, size_t size) {
    int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (unlockpt(fd) < 0 || ptsname_r(fd, slave_name, size) != 0) {
        close(fd);
        return -1;
    }
    *master = fd;
    return 0;
}

int srun_set_controlling_terminal(int fd) { return ioctl(fd, TIOCSCTTY, 0); }

int srun_set_window_size(int fd, unsigned short rows, unsigned short cols) {
    struct winsize size = { .ws_row = rows, .ws_col = cols };
    return ioctl(fd, TIOCSWINSZ, &size);
}

int srun_send_fd(int socket, int fd, const char *name) {
    char control[CMSG_SPACE(sizeof(int))];
    memset(control, 0, sizeof(control));
    struct iovec iov = { .iov_base = (void *)name, .iov_len = strlen(name) };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    return sendmsg(socket, &msg, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

int srun_connect_unix(const char *path) {
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    if (strlen(path) >= sizeof(address.sun_path)) { errno = ENAMETOOLONG; return -1; }
    strcpy(address.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&address, sizeof(address)) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int srun_pivot_root(const char *new_root, const char *put_old) {
    return (int)syscall(SYS_pivot_root, new_root, put_old);
}

int srun_pidfd_open(pid_t pid, unsigned int flags) {
    return (int)syscall(SYS_pidfd_open, pid, flags);
}

int srun_pidfd_send_signal(int pidfd, int sig, unsigned int flags) {
    return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, flags);
}

int srun_close_range(unsigned int first, unsigned int last, unsigned int flags) {
    return (int)syscall(SYS_close_range, first, last, flags);
}

int srun_signalfd(const sigset_t *mask) { return signalfd(-1, mask, SFD_CLOEXEC); }

int srun_read_signal(int fd) {
    struct signalfd_siginfo info;
    return read(fd, &info, sizeof(info)) == (ssize_t)sizeof(info) ? (int)info.ssi_signo : -1;
}

int srun_wifexited(int status) { return WIFEXITED(status); }
int srun_wexitstatus(int status) { return WEXITSTATUS(status); }
int srun_wifsignaled(int status) { return WIFSIGNALED(status); }
int srun_wtermsig(int status) { return WTERMSIG(status); }

dev_t srun_makedev(unsigned int major, unsigned int minor) { return makedev(major, minor); }
