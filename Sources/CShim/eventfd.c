// eventfd(2) for cgroup v1 OOM notifications: sys/eventfd.h is not in Swift's Glibc module.
#include "cshim.h"

#include <sys/eventfd.h>

int srun_eventfd_nonblocking(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}
