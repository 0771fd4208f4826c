// The security steps' system calls that Swift cannot make directly: syscall(2) is variadic,
// and these have no glibc wrapper (seccomp, ioprio_set, sched_setattr) or need a macro
// (TIOCGPTPEER).
#ifndef SRUN_SECURITY_H
#define SRUN_SECURITY_H

#include <stddef.h>
#include <stdint.h>

// seccomp(SECCOMP_SET_MODE_FILTER) with a classic BPF program of `length` bytes. Returns the
// notify fd with SRUN_SECCOMP_FILTER_FLAG_NEW_LISTENER, 0 without, -1 on error.
int srun_seccomp_load(unsigned int flags, const void *program, size_t length);
// Whether this kernel knows a SECCOMP_FILTER_FLAG_* bit (asked without installing anything).
int srun_seccomp_flag_supported(unsigned int flag);
// Whether this kernel can carry out a SECCOMP_RET_* action.
int srun_seccomp_action_supported(uint32_t action);
#define SRUN_SECCOMP_FILTER_FLAG_TSYNC (1U << 0)
#define SRUN_SECCOMP_FILTER_FLAG_LOG (1U << 1)
#define SRUN_SECCOMP_FILTER_FLAG_SPEC_ALLOW (1U << 2)
#define SRUN_SECCOMP_FILTER_FLAG_NEW_LISTENER (1U << 3)
#define SRUN_SECCOMP_FILTER_FLAG_TSYNC_ESRCH (1U << 4)
#define SRUN_SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1U << 5)

// mount_setattr(2) on a detached mount's fd: MOUNT_ATTR_* bits to set.
int srun_mount_setattr_fd(int tree_fd, uint64_t set);
#define SRUN_MOUNT_ATTR_RDONLY 0x1
#define SRUN_MOUNT_ATTR_NOSUID 0x2
#define SRUN_MOUNT_ATTR_NODEV 0x4

// ioprio_set(IOPRIO_WHO_PROCESS, 0, class << 13 | level).
int srun_ioprio_set(int ioclass, int level);
// sched_setattr(2) for the calling thread.
int srun_sched_setattr(uint32_t policy, uint64_t flags, int32_t nice, uint32_t priority,
                       uint64_t runtime, uint64_t deadline, uint64_t period);

// personality(2): PER_LINUX 0, PER_LINUX32 8.
int srun_personality(unsigned long persona);

// The pty slave of `master`, opened without a path (TIOCGPTPEER), so no file in the
// container can stand in for it.
int srun_open_pty_peer(int master);

// fstatfs(2)'s f_type of the file behind `fd` (PROC_SUPER_MAGIC, ...), -1 on error.
int64_t srun_filesystem_type(int fd);

// memfd_create(2), hidden from Swift behind _GNU_SOURCE.
int srun_memfd_create(const char *name, unsigned int flags);

#define SRUN_PR_SET_KEEPCAPS 8
#define SRUN_F_ADD_SEALS 1033
#define SRUN_F_GET_SEALS 1034
#define SRUN_F_SEAL_SEAL 0x1
#define SRUN_F_SEAL_SHRINK 0x2
#define SRUN_F_SEAL_GROW 0x4
#define SRUN_F_SEAL_WRITE 0x8
#define SRUN_MFD_CLOEXEC 0x1
#define SRUN_MFD_ALLOW_SEALING 0x2
#define SRUN_PROC_SUPER_MAGIC 0x9fa0
#define SRUN_DEVPTS_SUPER_MAGIC 0x1cd1

#endif
