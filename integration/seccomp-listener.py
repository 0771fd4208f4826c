#!/usr/bin/env python3
"""seccomp-listener.py SOCKET OUTPUT: the other end of linux.seccomp.listenerPath, as a
seccomp agent plays it: take the container process state and the notify fd (SCM_RIGHTS)
from one connection, write the state to OUTPUT, then answer every notified syscall with
success (return value 0, nothing done) and log its number to OUTPUT.calls, until the
container has gone."""
import array, ctypes, fcntl, select, socket, struct, sys

NOTIF_RECV = 0xC0502100  # _IOWR('!', 0, struct seccomp_notif), 80 bytes
NOTIF_SEND = 0xC0182101  # _IOWR('!', 1, struct seccomp_notif_resp), 24 bytes

path, output = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)
server.settimeout(30)
connection, _ = server.accept()
fds = array.array("i")
message, ancillary, _, _ = connection.recvmsg(65536, socket.CMSG_LEN(fds.itemsize))
for level, kind, data in ancillary:
    if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
        fds.frombytes(data[: len(data) - (len(data) % fds.itemsize)])
rest = connection.recv(65536)  # the runtime closes the connection after one state
with open(output, "w") as f:
    f.write((message + rest).decode())
notify = fds[0]
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
