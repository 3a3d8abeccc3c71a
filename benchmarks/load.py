"""Load benchmark (issue 9, item 12). Not a test: run it by hand (`make load`), on this machine only:

    .venv/bin/python benchmarks/load.py [--users 50] [--duration 120] [--organizations 50] [--people 1500]

1. creates a throw-away PostgreSQL database on 127.0.0.1:5432 (user postgres, trust), migrates it and fills it
   with `manage.py generate_load_data` (50 organisations × 1,500 people, pairs, plans, consents, orders);
2. starts gunicorn (production settings: DEBUG=0, gthread workers) on a free loopback port;
3. runs the simulated users — threads, each signed in as a coordinator, a director, a mentor or a parent of
   one of the schools — through the main pages and two writes (a mentor adds a plan row; a coordinator records
   the support given to a mentee without a pair), with a think time of 0.2–1.0 s, for the given duration; every
   user also asks for the minimal view (/health/) now and then, measured in the same run;
4. prints requests per second, p50/p95 per page, the error count, and each page's p95 as a multiple of the
   minimal view's; then stops gunicorn and drops the database (--keep-db keeps it, --db NAME reuses one).

Traffic goes to 127.0.0.1 only, the run is bounded in time, and everything it started is stopped at the end."""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
PASSWORD = "load-pass-12345"  # mentoring.management.commands.generate_load_data.PASSWORD


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", HOST, "-U", "postgres", "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


# The simulated user --------------------------------------------------------------------------------------------


class Session:
    """A browser of one: cookies, the CSRF token, a new connection per request (gunicorn closes them)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        body = urlencode(data, doseq=True) if data is not None else None
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie = SimpleCookie()
                    cookie.load(value)
                    for key, morsel in cookie.items():
                        self.cookies[key] = morsel.value
            return response.status, content
        finally:
            connection.close()

    def sign_in(self, username: str) -> None:
        status, _ = self.request("GET", "/accounts/login/")
        status, _ = self.request(
            "POST",
            "/accounts/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
            },
        )
        if status != 302:
            raise RuntimeError(f"{username}: sign-in answered {status}")


def scenario(role: str, ids: dict) -> list[tuple[str, float, str, str, dict | None]]:
    """(page name, weight, method, path, data) for a role; the data posted are made fresh on each pick."""
    pair, plan, order, profile = ids["pair"], ids["plan"], ids["order"], ids["unpaired"]
    common = [("health (minimal view)", 1.0, "GET", "/health/", None), ("home", 1.0, "GET", "/", None)]
    pages = {
        "coordinator": [
            ("pair.list", 1.0, "GET", "/m/pairs/", None),
            ("pair.detail", 1.0, "GET", f"/m/pairs/{pair}/", None),
            ("mentor_base.list", 0.7, "GET", "/m/bases/mentors/", None),
            ("mentee_base.list", 0.7, "GET", "/m/bases/mentees/", None),
            ("person.list", 0.7, "GET", "/accounts/people/", None),
            ("order.list", 0.5, "GET", "/m/orders/", None),
            ("consent.tracker", 0.5, "GET", "/m/consents/", None),
            ("plan.detail", 0.7, "GET", f"/m/plans/{plan}/", None),
            (
                "WRITE mentee_base.unpaired (support)",
                0.5,
                "POST",
                "/m/bases/mentees/unpaired/",
                {"profile": profile, "support_given": "беседа с психологом"},
            ),
        ],
        "director": [
            ("order.list", 1.0, "GET", "/m/orders/", None),
            ("order.detail", 1.0, "GET", f"/m/orders/{order}/", None),
            ("pair.list", 0.7, "GET", "/m/pairs/", None),
            ("mentee_base.list", 0.5, "GET", "/m/bases/mentees/", None),
        ],
        "mentor": [
            ("pair.list", 1.0, "GET", "/m/pairs/", None),
            ("pair.detail", 1.0, "GET", f"/m/pairs/{pair}/", None),
            ("plan.detail", 1.0, "GET", f"/m/plans/{plan}/", None),
            (
                "WRITE plan.item.create",
                0.5,
                "POST",
                f"/m/plans/{plan}/items/new/",
                {"activity": "Консультация", "period": "ноябрь", "responsible": "наставник"},
            ),
        ],
        "parent": [
            ("pair.list", 1.0, "GET", "/m/pairs/", None),
            ("consent.mine", 1.0, "GET", "/m/consents/mine/", None),
        ],
    }
    return common + pages[role]


def run_users(port: int, users: list[dict], duration: float) -> tuple[dict, list[str], float]:
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = [0.0]

    def start_clock():  # run once, before any user is released: no user sees the deadline unset
        deadline[0] = time.monotonic() + duration

    start_barrier = threading.Barrier(len(users) + 1, action=start_clock, timeout=1800)

    signing_in = threading.Semaphore(
        4
    )  # sign-ins (PBKDF2 on purpose) are not what is measured: a few at a time

    def user_loop(user: dict) -> None:
        rng = random.Random(user["username"])
        session = Session(port)
        signed_in = False
        with signing_in:
            for _ in range(3):
                try:
                    session.sign_in(user["username"])
                    signed_in = True
                    break
                except Exception as error:  # reported with the run if every try fails
                    problem = f"{user['username']}: sign-in failed: {error}"
        if not signed_in:
            with lock:
                errors.append(problem)
        steps = scenario(user["role"], user["ids"])
        weights = [step[1] for step in steps]
        start_barrier.wait()
        while signed_in and time.monotonic() < deadline[0]:
            name, _, method, path, data = rng.choices(steps, weights)[0]
            headers = {"HX-Request": "true"} if name == "WRITE plan.item.create" else None
            began = time.perf_counter()
            try:
                status, _ = session.request(method, path, data, headers)
            except Exception as error:
                status, error_text = 0, repr(error)
            elapsed = time.perf_counter() - began
            expected = (200,) if method == "GET" else (200, 302)  # a GET sent to the sign-in page is an error
            with lock:
                latencies.setdefault(name, []).append(elapsed)
                if status not in expected:
                    errors.append(f"{name} {path}: {status or error_text}")
            time.sleep(rng.uniform(0.2, 1.0))

    threads = [threading.Thread(target=user_loop, args=(user,), daemon=True) for user in users]
    for thread in threads:
        thread.start()
    start_barrier.wait()
    began = deadline[0] - duration
    for thread in threads:
        thread.join(timeout=duration + 240)
    return latencies, errors, time.monotonic() - began


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(latencies: dict, errors: list[str], elapsed: float, args) -> dict:
    if "health (minimal view)" not in latencies:
        raise SystemExit("No page was measured: " + "; ".join(errors[:10]))
    total = sum(len(v) for v in latencies.values())
    minimal = percentile(latencies["health (minimal view)"], 0.95)
    rows = []
    for name in sorted(latencies, key=lambda n: (n != "health (minimal view)", n)):
        values = latencies[name]
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        rows.append((name, len(values), p50 * 1000, p95 * 1000, p95 / minimal))
    print(
        f"\n{args.users} users, {elapsed:.0f} s, {total} requests, {total / elapsed:.1f} requests/s, errors: {len(errors)}"
    )
    print(f"{'page':40} {'requests':>8} {'p50, ms':>9} {'p95, ms':>9} {'p95 / minimal':>14}")
    for name, count, p50, p95, ratio in rows:
        print(f"{name:40} {count:8d} {p50:9.0f} {p95:9.0f} {ratio:14.1f}")
    for error in errors[:20]:
        print("  error:", error)
    return {
        "users": args.users,
        "seconds": round(elapsed),
        "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "errors": len(errors),
        "pages": [
            {"page": n, "requests": c, "p50_ms": round(a), "p95_ms": round(b), "p95_ratio": round(r, 1)}
            for n, c, a, b, r in rows
        ],
    }


# The run -------------------------------------------------------------------------------------------------------


def pick_users(env: dict, count: int) -> list[dict]:
    """Who the simulated users are and the objects their pages open, read from the generated database."""
    code = """
import json
from accounts.models import Membership
from mentoring.models import DocumentPack, IndividualPlan, MenteeProfile, Order, Pair
users = []
for m in Membership.objects.filter(user__username__startswith="load").select_related("user", "organization"):
    org = m.organization
    person = m.user.persons.get(organization=org)
    pairs = Pair.objects.filter(organization=org)
    if m.role == "mentor":
        pairs = pairs.filter(mentor=person)
    pair = pairs.order_by("pk").first()
    plan = IndividualPlan.objects.filter(pair=pair).order_by("pk").first()
    unpaired = MenteeProfile.objects.filter(organization=org, person__pair_memberships=None).order_by("pk").first()
    order = Order.objects.filter(organization=org, status="approved").first()
    users.append({"username": m.user.username, "role": m.role, "org": org.pk,
                  "ids": {"pair": pair.pk, "plan": plan.pk, "order": order.pk, "unpaired": unpaired.pk}})
print(json.dumps(users))
"""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    everyone = json.loads(output.strip().splitlines()[-1])
    by_role = {
        role: [u for u in everyone if u["role"] == role]
        for role in ("coordinator", "director", "mentor", "parent")
    }
    # 40 % coordinators, 20 % directors, 30 % mentors, 10 % parents, each of a different school where possible.
    shares = {"coordinator": 0.4, "director": 0.2, "mentor": 0.3, "parent": 0.1}
    chosen = []
    for role, share in shares.items():
        pool = sorted(by_role[role], key=lambda u: (u["org"], u["username"]))
        seen_orgs, picked = set(), []
        for user in pool:
            if user["org"] not in seen_orgs:
                picked.append(user)
                seen_orgs.add(user["org"])
        picked += [u for u in pool if u not in picked]
        chosen += picked[: max(1, round(count * share))]
    return chosen[:count]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--organizations", type=int, default=50)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--db", help="reuse this database (already generated) instead of a throw-away one")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    name = args.db or f"nastav_load_{os.getpid()}"
    tmp = Path(tempfile.mkdtemp(prefix="nastav-load-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@{HOST}:5432/{name}",
        "DEBUG": "0",
        "SECRET_KEY": "load-benchmark-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "BEHIND_HTTPS_PROXY": "0",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "CACHE_DIR": str(tmp / "cache"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL", None)
    server = None
    try:
        if not args.db:
            psql(f'CREATE DATABASE "{name}"')
            began = time.monotonic()
            manage(env, "migrate", "-v0")
            manage(
                env,
                "generate_load_data",
                "--force",
                f"--organizations={args.organizations}",
                f"--people={args.people}",
                "-v0",
            )
            print(f"data generated in {time.monotonic() - began:.0f} s")
        manage(env, "collectstatic", "--noinput", "-v0")
        users = pick_users(env, args.users)
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "mentoring.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(args.threads),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        for _ in range(100):
            try:
                if Session(port).request("GET", "/health/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        latencies, errors, elapsed = run_users(port, users, args.duration)
        figures = report(latencies, errors, elapsed, args)
        figures.update(
            {
                "organizations": args.organizations,
                "people": args.people,
                "workers": args.workers,
                "threads": args.threads,
            }
        )
        if args.json:
            Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2))
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)  # the process group this script started, nothing else
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        if not args.db and not args.keep_db:
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        elif not args.db:
            print(f"database kept: {name}")


if __name__ == "__main__":
    main()
