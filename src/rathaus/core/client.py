"""The client address of a request, the one answer used everywhere (sign-in locks, rate limits,
audit).

Behind a reverse proxy every request comes from the proxy. `X-Forwarded-For` names the real
client, but anybody can send that header, so it is believed only when the peer is one of
`settings.TRUSTED_PROXIES` (addresses or CIDR networks). The header is read from the right:
each trusted proxy appends the address it received from, so the first address from the right
that is not itself a trusted proxy is the client.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


# A peer without an address (a Unix socket, a WSGI server that sets none) counts as one client.
UNKNOWN_PEER = "0.0.0.0"  # noqa: S104  (an address to count by, never one to bind to)


def client_ip(request) -> str:
    """The address of the client: the peer, or the real client named by a trusted proxy."""
    peer_address = _address(request.META.get("REMOTE_ADDR", "") or "")
    peer = str(peer_address) if peer_address is not None else UNKNOWN_PEER
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not networks or not forwarded or not _trusted(_address(peer), networks):
        return peer
    client = peer
    for part in reversed(forwarded.split(",")):
        hop = _address(part)
        if hop is None:
            break  # a garbled entry: nothing left of it can be believed
        client = str(hop)
        if not _trusted(hop, networks):
            break
    return client
