// bpf(2) has no libc wrapper: loading and attaching the eBPF program that is a cgroup v2
// container's device filter (BPF_PROG_TYPE_CGROUP_DEVICE).
#include "cshim.h"

#include <linux/bpf.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int srun_bpf_load_device_filter(const uint64_t *instructions, uint32_t count, char *log, uint32_t log_size) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    attr.insns = (uint64_t)(uintptr_t)instructions;
    attr.insn_cnt = count;
    attr.license = (uint64_t)(uintptr_t)"Apache";
    if (log != NULL && log_size > 0) {
        attr.log_buf = (uint64_t)(uintptr_t)log;
        attr.log_size = log_size;
        attr.log_level = 1;
    }
    return (int)syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
}

int srun_bpf_attach_device_filter(int cgroup_fd, int program_fd) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.target_fd = (uint32_t)cgroup_fd;
    attr.attach_bpf_fd = (uint32_t)program_fd;
    attr.attach_type = BPF_CGROUP_DEVICE;
    attr.attach_flags = BPF_F_ALLOW_MULTI;
    return (int)syscall(SYS_bpf, BPF_PROG_ATTACH, &attr, sizeof(attr));
}
