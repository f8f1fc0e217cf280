"""Services that fail the way production's do, for the outage tests: a closed port, a server that never
answers, and the settings base.py builds for an environment that points at them."""

import runpy
import socket
import threading
from pathlib import Path

BASE_SETTINGS = Path(__file__).resolve().parents[1] / "site" / "config" / "settings" / "base.py"


def closed_port_url(scheme: str = "http") -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"{scheme}://127.0.0.1:{port}"  # nothing listens there any more: connections are refused


class SilentServer:
    """Accepts every connection and never answers a byte, like a cluster stuck in a garbage collection."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.connections = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self):
        while not self.stopping.is_set():
            try:
                connection, _address = self.sock.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)  # held open, never read, never answered

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        self.stopping.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.sock.close()


def base_settings(monkeypatch, **environment) -> dict:
    """The settings base.py builds with these environment variables set (and nothing else changed)."""
    with monkeypatch.context() as env:
        for name, value in environment.items():
            env.setenv(name, value)
        return runpy.run_path(str(BASE_SETTINGS))
