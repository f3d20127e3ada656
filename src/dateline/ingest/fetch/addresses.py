"""Which URLs may be fetched at all: http and https only, and (unless private addresses are
allowed) only hosts whose every resolved address is public.

1. `check_url`: the scheme is http or https and there is a host (a feed's `file:///etc/passwd`,
   `ftp:` or `javascript:` link is refused before anything is asked of the network).
2. `resolve`: the host's addresses, as the system resolver gives them.
3. `check_addresses`: refuse a host any of whose addresses is private, loopback, link-local,
   multicast, reserved or otherwise not global (RFC 1918, 127/8, 169.254/16, 100.64/10, ::1,
   fc00::/7, fe80::/10, IPv4 mapped into IPv6 judged as IPv4, ...).

The client then connects to the address it checked (not to a second lookup of the name), so a
name that resolves to a public address once and to a private one the next time cannot slip by.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from dateline.errors import E030, E032, E034, FetchError

SCHEMES = ("http", "https")
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_url(url: str) -> tuple[str, str, int]:
    """The URL's scheme, host and port, or E030 when it is not an http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    except ValueError:
        raise FetchError(E030.format(url=shorten(url))) from None
    if scheme not in SCHEMES or not host:
        raise FetchError(E030.format(url=shorten(url)))
    return scheme, host, port or (443 if scheme == "https" else 80)


def resolve(host: str, port: int) -> list[Address]:
    """The host's addresses in the resolver's order, without repeats; E034 when it has none."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(E034.format(detail=f"cannot resolve {host} ({error})")) from None
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def is_public(address: Address) -> bool:
    """Whether an address is one the open internet routes to (not private, loopback,
    link-local, multicast, reserved, unspecified or shared)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_addresses(host: str, addresses: list[Address], allow_private: bool) -> Address:
    """The address to connect to (the first), or E032 when any of them is not public and
    private addresses are not allowed."""
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                resolved = "" if host.strip("[]") == str(address) else f" ({address})"
                raise FetchError(E032.format(host=host, resolved=resolved))
    if not addresses:
        raise FetchError(E034.format(detail=f"cannot resolve {host} (no address)"))
    return addresses[0]


def shorten(url: str, most: int = 120) -> str:
    url = url.strip()
    return url if len(url) <= most else url[:most - 1] + "…"
