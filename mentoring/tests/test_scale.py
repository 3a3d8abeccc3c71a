"""Two app servers behind one (imagined) load balancer, proved on this machine: gunicorn on two loopback ports,
one Celery worker, a throw-away PostgreSQL database and Redis database index, a local S3-compatible server
(accounts.testing.cluster), the demo school loaded. Whatever a visitor does on server A, server B knows: the
session, an uploaded scan, a pack the worker built, the rate-limit counters, the signature of an order.

Runs only when asked for — `pytest -m scale`, as .ci/run does when PostgreSQL and Redis answer — and skips with
the reason otherwise. About three minutes on the project's 2-core machine, most of it migrating and loading the
demo."""

import hashlib
import io
import re
import threading
import time
import zipfile

import pytest

from accounts.testing.cluster import Cluster, Unavailable

pytestmark = pytest.mark.scale
A, B = 0, 1
SCAN = b"%PDF-1.4\n% the signed paper consent of the last 8A mother, scanned at school\n%%EOF\n"


def _asked_for(config) -> bool:
    return bool(re.search(r"(?<!not )\bscale\b", config.option.markexpr or ""))


@pytest.fixture(scope="module")
def cluster(request):
    if not _asked_for(request.config):
        pytest.skip("the two-server test runs only when asked for: pytest -m scale")
    cluster = Cluster(servers=2)
    try:
        cluster.__enter__()
    except Unavailable as error:
        pytest.skip(f"the two-server test needs the shared services: {error}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def demo(cluster) -> dict:
    """The demo's pairs order waiting for the director: blocked only by the consent of one child's mother."""
    return cluster.query(
        """
import json
from accounts.services.consents import has_valid_consent
from mentoring.models import Order
order = Order.objects.get(kind="pairs", status="submitted")
child = next(m for p in order.pairs.all() for m in p.mentees.all() if not has_valid_consent(m))
print(json.dumps({
    "order": order.pk, "programme": order.programme_id, "child": child.pk,
    "mother": child.guardianships.get().guardian_id,
}))
"""
    )


@pytest.fixture(scope="module")
def scan(cluster, demo) -> dict:
    """The coordinator, signed in on A, records the mother's paper consent with its scan through A."""
    browser = cluster.browser()
    browser.sign_in(A, "coordinator")
    response = browser.post(
        A,
        f"/m/people/{demo['child']}/consents/paper/",
        {
            "signer": demo["mother"],
            "kinds": ["participation", "personal_data"],
            "signed_on": time.strftime("%Y-%m-%d"),
        },
        files={"scan": ("скан.pdf", SCAN, "application/pdf")},
    )
    assert response.status_code == 302, response.text[:2000]
    stored = cluster.query(
        f"""
import json
from accounts.models import Consent
consent = Consent.objects.get(subject_id={demo["child"]}, kind="participation", status="given")
print(json.dumps({{"pk": consent.pk, "name": consent.scan.name}}))
"""
    )
    return {**stored, "browser": browser}


def test_a_scan_uploaded_through_a_is_served_by_b_to_whom_it_concerns_only(cluster, scan):
    assert scan["name"] in cluster.bucket_keys("consents/")
    assert cluster.bucket_read(scan["name"]) == SCAN
    url = f"/m/consents/{scan['pk']}/scan/"
    response = scan["browser"].get(B, url)  # the session made on A holds on B
    assert response.status_code == 200 and response.content == SCAN
    assert response.headers["Content-Disposition"].startswith("attachment;")
    other = cluster.browser()
    other.sign_in(B, "other_coordinator")
    assert other.get(B, url).status_code == 404
    assert other.get(A, url).status_code == 404
    assert cluster.local_files() == []  # neither server kept a file of its own


def test_a_pack_requested_on_a_is_built_by_the_worker_and_downloaded_from_b(cluster, demo, scan):
    browser = scan["browser"]
    response = browser.post(
        A, f"/m/programmes/{demo['programme']}/packs/new/", {"kind": "all", "format": "zip"}
    )
    assert response.status_code == 302, response.text[:2000]
    request_id = response.headers["X-Request-ID"]
    pack = int(re.search(r"/m/packs/(\d+)/", response.headers["Location"]).group(1))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        status = browser.get(B, f"/m/packs/{pack}/", headers={"HX-Request": "true"}).text
        if "Готово" in status or "не удалось" in status:
            break
        time.sleep(1)
    assert "Готово" in status, status
    download = browser.get(B, f"/m/packs/{pack}/download/")
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        names = archive.namelist()
    assert names[0] == "000 Содержание.pdf" and len(names) > 3
    [key] = [key for key in cluster.bucket_keys("packs/")]
    assert cluster.bucket_read(key) == download.content
    # Built by the worker, which logged the id of the request made on A.
    built = [
        record
        for record in cluster.log_records("worker")
        if record.get("logger") == "celery.app.trace" and "mentoring.tasks.build_pack" in record["message"]
    ]
    assert built and "succeeded" in built[-1]["message"] and built[-1]["request_id"] == request_id
    assert cluster.local_files() == []


def test_the_rate_limit_of_the_link_pages_counts_requests_on_both_servers(cluster):
    """30 visits to a consent link per visitor in 10 minutes, wherever the balancer sends them (django-axes's
    sign-in counters are not in this branch; the same shared cache holds them when they are)."""
    visitor = cluster.browser()
    statuses = [visitor.get(i % 2, "/m/consents/sign/not-a-real-token/").status_code for i in range(30)]
    assert statuses == [410] * 30  # an unknown link: its Russian page
    assert visitor.get(A, "/m/consents/sign/not-a-real-token/").status_code == 429
    assert visitor.get(B, "/m/consents/sign/another-token/").status_code == 429


def test_an_order_signed_on_both_servers_at_once_is_numbered_and_frozen_once(cluster, demo, scan):
    """The director's two clicks reach A and B at the same moment: one signature, one number, one PDF."""
    directors = [cluster.browser(), cluster.browser()]
    directors[A].sign_in(A, "director")
    directors[B].sign_in(B, "director")
    start, answers = threading.Barrier(2), [None, None]

    def sign(server):
        start.wait()
        answers[server] = directors[server].post(server, f"/m/orders/{demo['order']}/approve/")

    threads = [threading.Thread(target=sign, args=(server,)) for server in (A, B)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [answer.status_code for answer in answers] == [302, 302]

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status = directors[B].get(B, f"/m/orders/{demo['order']}/pdf/status/").text
        if "SHA-256" in status:
            break
        time.sleep(1)
    digest = re.search(r"<code>([0-9a-f]{64})</code>", status).group(1)
    pdf = directors[A].get(A, f"/m/orders/{demo['order']}/pdf/")
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == digest

    state = cluster.query(
        f"""
import json
from accounts.models import AuditEntry
from mentoring.models import Order
order = Order.objects.get(pk={demo["order"]})
entries = AuditEntry.objects.filter(object_type="mentoring.Order", object_id="{demo["order"]}")
print(json.dumps({{
    "status": order.status, "number": order.number, "file": order.pdf_file.name,
    "approvals": entries.filter(action="order.approve").count(),
    "renders": entries.filter(action="order.pdf").count(),
}}))
"""
    )
    assert state["status"] == "approved" and state["number"]
    assert (state["approvals"], state["renders"]) == (1, 1)
    order_files = [key for key in cluster.bucket_keys("orders/") if f"/{demo['order']}-" in key]
    assert order_files == [state["file"]] and cluster.bucket_read(state["file"]) == pdf.content
