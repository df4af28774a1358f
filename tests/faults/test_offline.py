"""Offline by design: the suite fails when code under test opens a socket, and the CLI opens none."""

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import NetworkUsed

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("attempt", [
    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    lambda: socket.socket(),
    lambda: socket.create_connection(("example.org", 80)),
    lambda: socket.getaddrinfo("example.org", 80),
])
def test_the_guard_fails_any_network_attempt(attempt):
    with pytest.raises(NetworkUsed):
        attempt()


def test_the_guard_lets_local_socket_pairs_through():
    left, right = socket.socketpair()
    left.sendall(b"x")
    assert right.recv(1) == b"x"
    left.close()
    right.close()


def test_classify_on_the_command_line_opens_no_connection(tmp_path, pack):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Draft

    draft = tmp_path / "draft.json"
    save_draft(Draft.new(pack), draft)
    guard = tmp_path / "guard"
    guard.mkdir()
    # An audit hook sees every socket the interpreter creates or connects, whatever library asks.
    (guard / "sitecustomize.py").write_text(textwrap.dedent("""
        import os, sys
        def _hook(event, args):
            if event in ("socket.connect", "socket.getaddrinfo", "socket.bind") or (
                    event == "socket.__new__" and args[1] != 1):
                sys.stderr.write("NETWORK USED: " + event + "\\n")
                os._exit(99)
        sys.addaudithook(_hook)
    """), encoding="utf-8")
    env = {"PYTHONPATH": f"{guard}:{ROOT}", "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
           "SANDBOX_KIT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "main.py", "classify", str(draft)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert "NETWORK USED" not in result.stderr
    assert result.returncode == 0, result.stderr
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert probe.returncode == 99  # the hook really catches a socket in that interpreter
