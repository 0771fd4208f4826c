#!/usr/bin/env python3
"""console-receiver.py SOCKET OUTPUT: the caller's side of --console-socket, as conmon and
the containerd shim play it: listen on SOCKET, take the pty master that the runtime sends
with SCM_RIGHTS, and copy everything the container writes to its terminal into OUTPUT,
until the terminal closes. Prints the name the runtime sent with the fd to OUTPUT.name."""
import os, sys
from fd_socket import accept_fd

path, output = sys.argv[1], sys.argv[2]
message, master = accept_fd(path)
with open(output + ".name", "w") as f:
    f.write(message.decode())
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
