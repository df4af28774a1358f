"""Shared test set-up: headless Qt, a private data directory, and the shipped pack."""

import os

# Qt must know it is headless before anything imports it; without a display it would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English whatever the machine's language, and a missing message id or a placeholder that does not
# fit fails the test that met it (catalogue/__init__.py), in this process and those it starts.
os.environ["SANDBOX_KIT_LANG"] = "en"
os.environ["SANDBOX_KIT_STRICT_TEXT"] = "1"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data directory, never the real one."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("SANDBOX_KIT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def pack():
    from forms.loader import default_pack

    return default_pack()


class NetworkUsed(AssertionError):
    """A code path under test tried to open a network connection; the application is offline by design."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any network socket fails the test; AF_UNIX socket pairs stay allowed (Qt and asyncio use them)."""
    import socket

    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family not in (socket.AF_UNIX, -1):
                raise NetworkUsed(f"a test opened a network socket (family {family})")
            if family == -1 and fileno is None:
                raise NetworkUsed("a test opened a network socket")
            super().__init__(family, type, proto, fileno)

        def connect(self, address):
            if self.family != socket.AF_UNIX:
                raise NetworkUsed(f"a test connected to {address!r}")
            return super().connect(address)

    def refuse(*args, **kwargs):
        raise NetworkUsed(f"a test tried to reach the network: {args[:1]!r}")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
