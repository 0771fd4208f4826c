#!/usr/bin/env python3
"""seccomp-listener.py SOCKET OUTPUT: the other end of linux.seccomp.listenerPath, as a
seccomp agent plays it: take the container process state and the notify fd (SCM_RIGHTS)
from one connection, write the state to OUTPUT, then answer every notified syscall with
success (return value 0, nothing done) and log its number to OUTPUT.calls, until the
container has gone."""
import ctypes, fcntl, select, struct, sys
from fd_socket import accept_fd

NOTIF_RECV = 0xC0502100  # _IOWR('!', 0, struct seccomp_notif), 80 bytes
NOTIF_SEND = 0xC0182101  # _IOWR('!', 1, struct seccomp_notif_resp), 24 bytes

path, output = sys.argv[1], sys.argv[2]
message, notify = accept_fd(path)
with open(output, "w") as f:
    f.write(message.decode())
with open(output + ".calls", "w") as calls:
    poller = select.poll()
    poller.register(notify, select.POLLIN)
    while True:
        events = poller.poll(30000)
        # POLLHUP: every process using the filter has gone.
        if not events or events[0][1] & select.POLLHUP:
            break
        request = ctypes.create_string_buffer(80)
        try:
            fcntl.ioctl(notify, NOTIF_RECV, request)
        except OSError:  # the process went away before its call was read
            continue
        notification_id, _pid, _flags, nr = struct.unpack_from("=QIIi", request.raw)
        calls.write(f"{nr}\n")
        calls.flush()
        try:
            fcntl.ioctl(notify, NOTIF_SEND, struct.pack("=QqiI", notification_id, 0, 0, 0))
        except OSError:
            pass
