"""The receiving end of an fd sent with SCM_RIGHTS over a unix stream socket, as the
--console-socket and seccomp listenerPath protocols send it."""
import array, socket


def accept_fd(path):
    """Listens on PATH, accepts one connection; returns (everything sent on it, the fd)."""
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
    while chunk := connection.recv(65536):  # the sender closes after one message
        message += chunk
    return message, fds[0]
