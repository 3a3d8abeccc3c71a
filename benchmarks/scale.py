"""One app server against two, in the same run (issue #16). Not a test: run it by hand,

    .venv/bin/python benchmarks/scale.py [--seconds 30] [--rounds 2] [--clients 8] [--workers 2] [--pin]

It starts the cluster of the two-server test in production mode (accounts.testing.cluster: DEBUG=0, gunicorn
servers A and B of --workers sync workers each and a control server C of twice as many, on loopback ports, one
Celery worker, PostgreSQL, Redis, a local S3 server, the demo school), signs --clients visitors in as the
coordinator and sends each, without pause, through the pages of a coordinator's day — home, pairs, consents,
orders, the mentor base, a consent scan streamed from the bucket, a signed order's PDF from the bucket — and the
liveness probe as the minimal view. «One server»: every request to A; «two servers»: round robin over A and B, as
a balancer would; «one server, twice the workers»: every request to C (as many workers as A and B together: what
the second server adds beyond more workers). They alternate for --rounds rounds of --seconds each; everything is
cleaned up at the end. Loopback only, bounded in time.

On one machine the servers compete for the same cores: all of them (and the load) run in one session, so that
Linux, which shares a busy CPU between sessions, gives them one share together and not one each. With --pin each
server may use one core only (A and C the first, B the second), standing for a machine of its own.

It prints per configuration the requests per second, p50/p95 per page and the errors, and the ratios to one
server."""

import argparse
import itertools
import signal
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accounts.testing.cluster import Cluster  # noqa: E402

MINIMAL = "liveness (/health/)"
ONE, TWO, CONTROL = "one server", "two servers", "one server, twice the workers"
CONFIGURATIONS = [(ONE, [0]), (TWO, [0, 1]), (CONTROL, [2])]


def pages(cluster) -> list[tuple[str, str]]:
    ids = cluster.query(
        """
import json
from accounts.models import Consent
from mentoring.models import Order
order = Order.objects.filter(status="approved", kind="pairs").order_by("pk").first()
print(json.dumps({"scan": Consent.objects.exclude(scan="").order_by("pk").first().pk, "order": order.pk}))
"""
    )
    return [
        ("home", "/"),
        ("pairs", "/m/pairs/"),
        ("consents", "/m/consents/"),
        ("orders", "/m/orders/"),
        ("mentor base", "/m/bases/mentors/"),
        ("scan from S3", f"/m/consents/{ids['scan']}/scan/"),
        ("order PDF from S3", f"/m/orders/{ids['order']}/pdf/"),
        (MINIMAL, "/health/"),
    ]


def run(cluster, browsers, servers: list[int], seconds: float, mix) -> dict:
    """Every visitor sends request after request for `seconds`; the server of each request by round robin."""
    balancer, results, stop_at = itertools.count(), [], time.monotonic() + seconds

    def visitor(number, browser):
        for step in itertools.count(number):
            if time.monotonic() >= stop_at:
                return
            name, path = mix[step % len(mix)]
            server = servers[next(balancer) % len(servers)]
            started = time.perf_counter()
            try:
                status = browser.get(server, path).status_code
            except Exception:  # a refused or broken connection counts as an error
                status = 0
            results.append((name, time.perf_counter() - started, status))

    threads = [threading.Thread(target=visitor, args=(n, b)) for n, b in enumerate(browsers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"results": results, "elapsed": time.monotonic() - started}


def summary(runs: list[dict]) -> dict:
    results = [row for one in runs for row in one["results"]]
    elapsed = sum(one["elapsed"] for one in runs)
    by_page = defaultdict(list)
    for name, duration, _ in results:
        by_page[name].append(duration * 1000)
    return {
        "requests": len(results),
        "rps": len(results) / elapsed,
        "rounds": [len(one["results"]) / one["elapsed"] for one in runs],
        "errors": sum(1 for _, _, status in results if status != 200),
        "pages": {
            name: (statistics.median(times), statistics.quantiles(times, n=20)[18])
            for name, times in by_page.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--pin",
        action="store_true",
        help="each server on one core of its own (A and C on CPU 0, B on CPU 1), standing for a machine",
    )
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # the cluster is cleaned up on the way out

    print("Starting the cluster (migrate, demo, collectstatic, servers A, B and C, a worker)…", flush=True)
    workers = [options.workers, options.workers, 2 * options.workers]
    cpus = ["0", "1", "0"] if options.pin else None
    with Cluster(servers=3, server_workers=workers, production=True, server_cpus=cpus) as cluster:
        mix = pages(cluster)
        browsers = [cluster.browser() for _ in range(options.clients)]
        for number, browser in enumerate(browsers):
            browser.sign_in(number % 2, "coordinator")
        run(cluster, browsers, [0, 1, 2], 5, mix)  # warm-up: connections, template caches
        runs = {name: [] for name, _ in CONFIGURATIONS}
        for round_number in range(options.rounds):
            for name, servers in CONFIGURATIONS:
                print(f"round {round_number + 1}: {name}…", flush=True)
                runs[name].append(run(cluster, browsers, servers, options.seconds, mix))
        figures = {name: summary(rounds) for name, rounds in runs.items()}

    names = [name for name, _ in mix]
    print(
        f"\n{options.clients} visitors; A and B: {options.workers} gunicorn workers each, C: {2 * options.workers}"
        f"{'; A and C on CPU 0, B on CPU 1' if options.pin else ''}; "
        f"{options.rounds} × {options.seconds:.0f} s per configuration\n"
    )
    print("| page, p50 / p95 in ms | " + " | ".join(name for name, _ in CONFIGURATIONS) + " |")
    print("|---" * (len(CONFIGURATIONS) + 1) + "|")
    for page in names:
        cells = ["{:.0f} / {:.0f}".format(*figures[name]["pages"][page]) for name, _ in CONFIGURATIONS]
        print(f"| {page} | " + " | ".join(cells) + " |")
    for name, _ in CONFIGURATIONS:
        figure = figures[name]
        ratio = figure["rps"] / figures[ONE]["rps"]
        rounds = ", ".join(f"{one:.1f}" for one in figure["rounds"])
        print(
            f"{name}: {figure['requests']} requests, {figure['rps']:.1f} req/s ({ratio:.2f} × one server; "
            f"rounds: {rounds}), {figure['errors']} errors"
        )
    slowest = max(figures[TWO]["pages"][page][1] for page in names if page != MINIMAL)
    print(
        f"two servers: the slowest page's p95 is {slowest / figures[TWO]['pages'][MINIMAL][1]:.1f} × the minimal's"
    )
    if any(figures[name]["errors"] for name, _ in CONFIGURATIONS):
        sys.exit("errors during the load run")


if __name__ == "__main__":
    main()
