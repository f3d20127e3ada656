"""The misbehaving news site on 127.0.0.1 (server.py) for the fetching tests, and a guard that no
test here opens a connection anywhere but the loopback address."""
from __future__ import annotations

import socket

import pytest
from server import NewsServer

LOOPBACK = ("127.0.0.1", "::1", "localhost")


@pytest.fixture
def news_site():
    """A fresh site per test (its log empty, /flaky.html failing once again), stopped after."""
    with NewsServer() as site:
        yield site


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Any connection to an address other than loopback fails the test's request loudly (an
    OSError the fetcher sees) and is remembered: the list this fixture yields must stay empty."""
    attempts: list[object] = []
    connect = socket.socket.connect
    connect_ex = socket.socket.connect_ex

    def guarded(method):
        def call(self, address):
            host = address[0] if isinstance(address, tuple) else address
            if self.family in (socket.AF_INET, socket.AF_INET6) and host not in LOOPBACK:
                attempts.append(address)
                raise OSError(f"test guard: no connection beyond loopback ({host})")
            return method(self, address)
        return call

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
    yield attempts
