// What Swift cannot import directly: variadic calls (clone, syscall, prctl) and
// function-like macros (W*, makedev). Nothing else belongs in C.
#ifndef SRUN_CSHIM_H
#define SRUN_CSHIM_H

#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#include "security.h"

// clone3(2) as a fork: returns 0 in the child. `cgroup_fd` >= 0 adds CLONE_INTO_CGROUP.
pid_t srun_clone3(uint64_t flags, int cgroup_fd, int *pidfd_out);
// clone(2) as a fork, for kernels without clone3 (before 5.3).
pid_t srun_clone_fork(unsigned long flags);

// Where a forked child runs (see Lifecycle.cloneInit). Without this, on a machine whose
// scheduler places a new task on its parent's CPU, the child preempts the parent there and
// the parent waits, another CPU idle. begin: before the fork, the caller's CPUs are saved
// and it turns SCHED_BATCH (from SCHED_OTHER only), which its child inherits and which does
// not preempt when it wakes. parent: the caller turns SCHED_OTHER again and moves the child
// to its other CPUs. child: the child turns SCHED_OTHER and takes all the saved CPUs back.
void srun_fork_placement_begin(void);
void srun_fork_placement_parent(pid_t child);
void srun_fork_placement_child(void);

long srun_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);

int srun_setns(int fd, int nstype);
int srun_unshare(int flags);
int srun_setresuid(uid_t uid);
int srun_setresgid(gid_t gid);
// A new session keyring named `name`, so the container does not share the caller's keys.
int srun_join_session_keyring(const char *name);
// mount_setattr(2) on `path` and every mount below it: MOUNT_ATTR_* bits to set.
int srun_mount_setattr_recursive(const char *path, uint64_t set);
// openat2(2): `resolve` takes RESOLVE_* bits (below).
int srun_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);
#define SRUN_RESOLVE_NO_XDEV 0x01
#define SRUN_RESOLVE_NO_MAGICLINKS 0x02
#define SRUN_RESOLVE_NO_SYMLINKS 0x04
#define SRUN_RESOLVE_BENEATH 0x08
#define SRUN_RESOLVE_IN_ROOT 0x10
// The new mount API: a detached copy of the tree at `path` (recursive: its submounts too),
// idmapped through the user namespace `userns_fd`, then attached at `target`.
int srun_open_tree_clone(const char *path, int recursive);
int srun_mount_setattr_idmap(int tree_fd, int recursive, int userns_fd);
int srun_move_mount(int tree_fd, int target_fd);
// Terminals: a pty pair from the devpts behind /dev/ptmx, made the controlling terminal,
// and its master sent over a unix socket with SCM_RIGHTS (the console-socket protocol).
int srun_open_pty(int *master, char *slave_name, size_t size);
int srun_set_controlling_terminal(int fd);
int srun_set_window_size(int fd, unsigned short rows, unsigned short cols);
int srun_send_fd(int socket, int fd, const char *name);
int srun_connect_unix(const char *path);
int srun_pivot_root(const char *new_root, const char *put_old);
int srun_pidfd_open(pid_t pid, unsigned int flags);
int srun_pidfd_send_signal(int pidfd, int sig, unsigned int flags);
int srun_close_range(unsigned int first, unsigned int last, unsigned int flags);

// signalfd(2) with close-on-exec, and one read of it: the signal number, or -1.
int srun_signalfd(const sigset_t *mask);
int srun_read_signal(int fd);

int srun_wifexited(int status);
int srun_wexitstatus(int status);
int srun_wifsignaled(int status);
int srun_wtermsig(int status);

dev_t srun_makedev(unsigned int major, unsigned int minor);

// prctl options used by srun (linux/prctl.h).
#define SRUN_PR_SET_DUMPABLE 4
#define SRUN_PR_SET_CHILD_SUBREAPER 36
#define SRUN_PR_SET_NO_NEW_PRIVS 38
#define SRUN_CLOSE_RANGE_CLOEXEC (1U << 2)
#define SRUN_O_PATH 010000000

// bpf(2) for a cgroup v2 device filter (bpf.c): load a BPF_PROG_TYPE_CGROUP_DEVICE program
// of `count` 8-byte instructions (the verifier's log into `log` when given), and attach it
// to a cgroup directory's fd with BPF_F_ALLOW_MULTI. Both return -1 with errno on failure.
int srun_bpf_load_device_filter(const uint64_t *instructions, uint32_t count, char *log, uint32_t log_size);
int srun_bpf_attach_device_filter(int cgroup_fd, int program_fd);
// eventfd(2), close-on-exec and non-blocking (eventfd.c): cgroup v1 OOM notifications.
int srun_eventfd_nonblocking(void);

#endif
