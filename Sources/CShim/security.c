#include "security.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/vfs.h>
#include <linux/seccomp.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int srun_seccomp_load(unsigned int flags, const void *program, size_t length) {
    struct sock_fprog prog = { .len = (unsigned short)(length / sizeof(struct sock_filter)), .filter = (struct sock_filter *)program };
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

int srun_seccomp_flag_supported(unsigned int flag) {
    // A known flag gets as far as reading the (NULL) program: EFAULT. An unknown one: EINVAL.
    // WAIT_KILLABLE_RECV is valid only with a listener.
    if (flag == SRUN_SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV) flag |= SRUN_SECCOMP_FILTER_FLAG_NEW_LISTENER;
    return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flag, NULL) < 0 && errno == EFAULT;
}

int srun_seccomp_action_supported(uint32_t action) {
    return syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0;
}

int srun_mount_setattr_fd(int tree_fd, uint64_t set) {
    struct { uint64_t attr_set, attr_clr, propagation, userns_fd; } attr = { set, 0, 0, 0 };
    return (int)syscall(442 /* SYS_mount_setattr */, tree_fd, "", 0x1000 /* AT_EMPTY_PATH */, &attr, sizeof(attr));
}

int srun_ioprio_set(int ioclass, int level) {
    return (int)syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, 0, (ioclass << 13) | level);
}

int srun_sched_setattr(uint32_t policy, uint64_t flags, int32_t nice, uint32_t priority,
                       uint64_t runtime, uint64_t deadline, uint64_t period) {
    struct {
        uint32_t size, sched_policy;
        uint64_t sched_flags;
        int32_t sched_nice;
        uint32_t sched_priority;
        uint64_t sched_runtime, sched_deadline, sched_period;
    } attr = { sizeof(attr), policy, flags, nice, priority, runtime, deadline, period };
    return (int)syscall(SYS_sched_setattr, 0, &attr, 0);
}

int srun_open_pty_peer(int master) {
    return ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
}

int srun_memfd_create(const char *name, unsigned int flags) { return memfd_create(name, flags); }

int64_t srun_filesystem_type(int fd) {
    struct statfs fs;
    return fstatfs(fd, &fs) < 0 ? -1 : (int64_t)fs.f_type;
}

int srun_personality(unsigned long persona) { return personality(persona); }
