"""Several app servers on this machine, as a region would run them behind a load balancer: gunicorn on loopback
ports sharing a throw-away PostgreSQL database, a throw-away Redis database index (cache, sessions, rate limits,
the Celery broker), one Celery worker and a local S3-compatible server (moto's) with a private bucket. The demo
data is loaded. For the two-server test (mentoring/tests/test_scale.py) and the benchmark (benchmarks/scale.py).

    with Cluster(servers=2) as cluster:
        browser = cluster.browser()
        browser.sign_in(0, "coordinator")
        browser.get(1, "/m/pairs/")

Everything it starts is ended by the process groups it created, and the database, the Redis index, the bucket's
server and the temporary folder are removed when it stops."""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = ("127.0.0.1", 6379)
CLAIM = "nastav:cluster:claim"
PASSWORD = "demo12345"  # the demo's (mentoring.demo.DEMO_PASSWORD)


class Unavailable(Exception):
    """PostgreSQL or Redis does not answer on this machine: the cluster cannot be built."""


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(predicate, *, timeout: float, what: str, pause: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(pause)
    raise TimeoutError(f"{what}: not within {timeout:.0f} s")


class Cluster:
    def __init__(
        self,
        *,
        servers: int = 2,
        server_workers: int | list[int] = 2,
        celery_concurrency: int = 1,
        production: bool = False,
        server_cpus: list[str] | None = None,
    ):
        """`server_workers`: gunicorn workers of every server, or of each; `production`: DEBUG=0 with collected
        static files (as deployed; a minute more to start); `server_cpus`: the CPUs each server may run on
        (taskset), to let a server stand for a machine of its own."""
        self.servers, self.server_cpus = servers, server_cpus
        self.server_workers = (
            server_workers if isinstance(server_workers, list) else [server_workers] * servers
        )
        self.celery_concurrency, self.production = celery_concurrency, production
        self.secret_key = secrets.token_urlsafe(50)
        self.processes: dict[str, subprocess.Popen] = {}
        self.urls: list[str] = []
        self.database = f"nastav_cluster_{os.getpid()}_{secrets.token_hex(3)}"
        self.redis_db: int | None = None
        self.folder: Path | None = None

    # --- lifecycle ------------------------------------------------------------------------------------------

    def __enter__(self):
        if not answers(PG["host"], PG["port"]) or not answers(*REDIS):
            raise Unavailable("PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 are needed")
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="nastav-cluster-"))
        self._create_database()
        self.redis_db = self._claim_redis_db()
        self.s3_endpoint = f"http://127.0.0.1:{free_port()}"
        self.bucket = "nastav-files"
        self._spawn("s3", [BIN / "moto_server", "-H", "127.0.0.1", "-p", self.s3_endpoint.rsplit(":", 1)[1]])
        _wait(lambda: answers("127.0.0.1", int(self.s3_endpoint.rsplit(":", 1)[1])), timeout=30, what="S3")
        self.s3().create_bucket(Bucket=self.bucket)
        self.manage("migrate", "--noinput", DEBUG="1")
        self.manage("demo_data", DEBUG="1")  # the demo's logins exist only on a development copy
        if self.production:
            self.manage("collectstatic", "--noinput")
        self._spawn(
            "worker",
            [
                BIN / "celery",
                "-A",
                "mentoring",
                "worker",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
            ]
            + [f"--concurrency={self.celery_concurrency}", "-n", f"{self.database}@%h"],
        )
        for index in range(self.servers):
            port = free_port()
            self.urls.append(f"http://127.0.0.1:{port}")
            pinned = ["taskset", "-c", self.server_cpus[index]] if self.server_cpus else []
            self._spawn(
                f"server-{'abcdefgh'[index]}",
                [*pinned, BIN / "gunicorn", "mentoring.wsgi", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", str(self.server_workers[index]), "--timeout", "120"],
                MEDIA_ROOT=str(self.folder / f"media-{index}"),
            )
        for url in self.urls:
            _wait(lambda url=url: self._ready(url), timeout=90, what=f"{url}/health/ready/", pause=0.5)
        _wait(lambda: "ready" in self.log("worker"), timeout=60, what="the Celery worker")

    def stop(self) -> None:
        # The process groups we started (gunicorn's and celery's children with them), the last started first.
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        self.processes.clear()
        if self.redis_db is not None:
            import redis

            redis.Redis(*REDIS, db=self.redis_db).flushdb()
            self.redis_db = None
        self._drop_database()
        if self.folder is not None and not os.environ.get("CLUSTER_KEEP_FILES"):
            shutil.rmtree(self.folder, ignore_errors=True)

    # --- the shared services ---------------------------------------------------------------------------------

    def _pg(self):
        import psycopg2

        connection = psycopg2.connect(dbname="postgres", connect_timeout=5, **PG)
        connection.autocommit = True
        return connection

    def _admin(self, sql: str) -> None:
        connection = self._pg()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def _create_database(self) -> None:
        self._admin(f'CREATE DATABASE "{self.database}"')
        self._database_created = True

    def _drop_database(self) -> None:
        if getattr(self, "_database_created", False):
            self._admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._database_created = False

    def _claim_redis_db(self) -> int:
        """An empty database index, claimed so that a cluster started beside this one takes another."""
        import redis

        for index in range(15, 1, -1):
            client = redis.Redis(*REDIS, db=index)
            if client.dbsize() == 0 and client.set(CLAIM, self.database, nx=True, ex=3600):
                return index
        raise Unavailable("no empty Redis database index between 2 and 15")

    def s3(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster-secret",
            region_name="us-east-1",
        )

    def bucket_keys(self, prefix: str = "") -> list[str]:
        listing = self.s3().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def bucket_read(self, key: str) -> bytes:
        return self.s3().get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def local_files(self) -> list[Path]:
        """Files the app servers wrote to their own disks (there should be none: everything is in the bucket)."""
        return [path for path in self.folder.glob("media-*/**/*") if path.is_file()]

    # --- processes --------------------------------------------------------------------------------------------

    def environment(self, **extra) -> dict:
        redis_url = f"redis://{REDIS[0]}:{REDIS[1]}/{self.redis_db}"
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
        return {
            **keep,
            "DEBUG": "0" if self.production else "1",
            "SECRET_KEY": self.secret_key,  # one key for every server: a session signed on A is valid on B
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Production behind the proxy, but reached directly over loopback here: no HTTPS redirect.
            "SECURE_SSL_REDIRECT": "0",
            "BEHIND_HTTPS_PROXY": "0",
            "STATIC_ROOT": str(self.folder / "static"),
            "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{self.database}",
            "REDIS_URL": redis_url,
            "CELERY_BROKER_URL": redis_url,
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": self.s3_endpoint,
            "S3_ACCESS_KEY_ID": "cluster",
            "S3_SECRET_ACCESS_KEY": "cluster-secret",
            "S3_REGION": "us-east-1",
            "MEDIA_ROOT": str(self.folder / "media-setup"),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }

    def _spawn(self, name: str, command: list, **extra) -> None:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 — the child keeps its own copy
        self.processes[name] = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=self.environment(**extra),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Its own process group, ended as a whole by stop(); the same session as the caller, so that on a
            # machine shared with other work the scheduler gives all servers together one share of the CPU (Linux
            # shares it between sessions), not one share per server.
            process_group=0,
        )
        log.close()

    def manage(self, *args, timeout: float = 600, **extra) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment(**extra),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def query(self, code: str):
        """Run `code` (Python, Django set up) against the cluster's database; the JSON it prints last is returned."""
        output = self.manage("shell", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def log_records(self, name: str) -> list[dict]:
        records = []
        for line in self.log(name).splitlines():
            if line.startswith("{"):
                try:
                    records.append(json.loads(line))
                except ValueError:
                    pass
        return records

    def _ready(self, url: str) -> bool:
        import requests

        try:
            return requests.get(f"{url}/health/ready/", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def browser(self) -> "Browser":
        return Browser(self.urls)


class Browser:
    """One visitor: a cookie jar shared by every server (as behind one balancer), each request sent to the server
    asked for."""

    def __init__(self, urls: list[str]):
        import requests

        self.urls = urls
        self.session = requests.Session()  # a host's cookies go to every port of it, as to one site

    def request(self, server: int, method: str, path: str, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 120)
        response = self.session.request(method, self.urls[server] + path, **kwargs)
        for cookie in self.session.cookies:
            # Production cookies are Secure (the proxy speaks HTTPS to browsers); over loopback they go anyway.
            cookie.secure = False
        return response

    def get(self, server: int, path: str, **kwargs):
        return self.request(server, "GET", path, **kwargs)

    def post(self, server: int, path: str, data=None, **kwargs):
        """A form post with the CSRF token of the cookie (what the page's hidden field holds, unmasked)."""
        data = {**(data or {}), "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        headers = {"Referer": self.urls[server] + path, **kwargs.pop("headers", {})}
        return self.request(server, "POST", path, data=data, headers=headers, **kwargs)

    def sign_in(self, server: int, username: str, password: str = PASSWORD) -> None:
        self.get(server, "/accounts/login/")
        response = self.post(server, "/accounts/login/", {"username": username, "password": password})
        if response.status_code != 302:
            raise AssertionError(f"{username} was not signed in on server {server}: {response.status_code}")


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        raise AssertionError(f"{pattern!r} not found")
    return match.group(1)
