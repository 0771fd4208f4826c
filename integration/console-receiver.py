#!/usr/bin/env python3
"""console-receiver.py SOCKET OUTPUT: the caller's side of --console-socket, as conmon and
the containerd shim play it: listen on SOCKET, take the pty master that the runtime sends
with SCM_RIGHTS, and copy everything the container writes to its terminal into OUTPUT,
until the terminal closes. Prints the name the runtime sent with the fd to OUTPUT.name."""
import array, os, socket, sys

path, output = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)
server.settimeout(30)
connection, _ = server.accept()
fds = array.array("i")
message, ancillary, _, _ = connection.recvmsg(1024, socket.CMSG_LEN(fds.itemsize))
for level, kind, data in ancillary:
    if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
        fds.frombytes(data[: len(data) - (len(data) % fds.itemsize)])
with open(output + ".name", "w") as f:
    f.write(message.decode())
master = fds[0]
with open(output, "wb") as out:
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO once the last slave fd is closed
            break
        if not chunk:
            break
        out.write(chunk)
        out.flush()
