"""The load balancer's probes in the permission grid: open to anyone, signed in or not (accounts.views.health)."""

from accounts.testing.grid import expect, get

ANYONE = expect(200, anonymous=200)

ROWS = [
    get("health.live", table=ANYONE),
    get("health.ready", table=ANYONE),
]
