"""Concurrent writers against a real SQLite file with the project's settings (run by test_sqlite_concurrency in
a child process whose DATABASE_URL names a temporary file): many threads write at once through the services, a
reader reads meanwhile, and several directors sign orders at the same moment. Prints a JSON summary."""

import json
import os
import sys
import threading
import time


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from accounts.models import Person
    from accounts.services import person_save
    from conftest import build_world, make_programme
    from mentoring import services
    from mentoring.models import Order

    world = build_world()
    programme = make_programme(world)
    coordinator, director = world.users["coordinator"], world.users["director"]
    orders = []
    for _ in range(int(sys.argv[3])):
        order = services.order_draft_from_programme(
            programme=programme, kind=Order.Kind.FINAL_EVENT, by=coordinator
        )
        orders.append(services.order_submit(order=order, by=coordinator))
    connections.close_all()

    writers, writes = int(sys.argv[1]), int(sys.argv[2])
    errors, done, reads = [], [0], [0]
    lock = threading.Lock()
    start = threading.Barrier(writers + len(orders) + 1)

    def write(n):
        try:
            start.wait()
            for i in range(writes):
                person = Person(
                    organization=world.school,
                    last_name=f"Писатель{n}",
                    first_name=f"Номер{i}",
                    sex="M",
                    kind=Person.Kind.STAFF,
                    position="учитель",
                )
                person_save(person=person, by=coordinator)  # a transaction with a read, then writes
                with lock:
                    done[0] += 1
        except Exception as error:  # counted and reported
            errors.append(f"write: {error!r}")
        finally:
            connection.close()

    def approve(order):
        try:
            start.wait()
            services.order_approve(order=order, by=director)
        except Exception as error:
            errors.append(f"approve: {error!r}")
        finally:
            connection.close()

    stop = threading.Event()

    def read():
        try:
            start.wait()
            while not stop.is_set():
                list(Person.objects.filter(organization=world.school).values_list("pk", flat=True)[:200])
                reads[0] += 1
        except Exception as error:
            errors.append(f"read: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    threads += [threading.Thread(target=approve, args=(order,)) for order in orders]
    reader = threading.Thread(target=read)
    began = time.monotonic()
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    reader.join()
    numbers = sorted(Order.objects.filter(status=Order.Status.APPROVED).values_list("seq", flat=True))
    print(
        json.dumps(
            {
                "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
                "writes": done[0],
                "people": Person.objects.filter(last_name__startswith="Писатель").count(),
                "approved": numbers,
                "reads": reads[0],
                "errors": errors,
                "seconds": round(time.monotonic() - began, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
