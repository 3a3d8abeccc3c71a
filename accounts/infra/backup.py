"""One archive with everything a school would lose with its server: the database and the uploaded and generated
files (the default storage: MEDIA_ROOT or the S3 bucket). `manage.py backup` writes it, `manage.py restore FILE` brings it back (make backup / make
restore FILE=…).

The database part, by engine:
- SQLite: a consistent copy through SQLite's own backup API (safe while the application writes);
- PostgreSQL: `pg_dump` (plain SQL, with DROP … IF EXISTS before each object) restored by `psql` in one
  transaction; when the client tools are not installed, Django's `dumpdata`/`loaddata` instead.
A manifest.json in the archive says which, and restore follows it."""

import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections

FORMAT_VERSION = 1


class BackupError(Exception):
    """Said to the operator as it is."""


def _database() -> dict:
    return settings.DATABASES["default"]


def _engine() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


def _pg_env(db: dict) -> dict:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} завершился с ошибкой: {result.stderr.strip()[-2000:]}")


def _dump_database(folder: Path) -> dict:
    db = _database()
    if _engine() == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return {"engine": "sqlite", "method": "sqlite-backup", "file": target.name}
    if _engine() == "postgresql" and shutil.which("pg_dump"):
        target = folder / "database.sql"
        _run(
            [
                "pg_dump",
                *_pg_args(db),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target),
                str(db["NAME"]),
            ],
            _pg_env(db),
        )
        return {"engine": "postgresql", "method": "pg_dump", "file": target.name}
    target = folder / "data.json"
    call_command("dumpdata", "--natural-foreign", "--indent", "0", "--output", str(target), verbosity=0)
    return {"engine": _engine(), "method": "dumpdata", "file": target.name}


def create_backup(destination: Path | None = None) -> Path:
    """Write the archive (var/backups/nastav-YYYYMMDD-HHMMSS.tar.gz by default) and return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if destination is None:
        destination = Path(settings.BASE_DIR) / "var" / "backups" / f"nastav-{stamp}.tar.gz"
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = _dump_database(folder)
        manifest = {"format": FORMAT_VERSION, "created": stamp, "database": database, "media": "media"}
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        partial = destination.with_name(destination.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "manifest.json", arcname="manifest.json")
            archive.add(folder / database["file"], arcname=database["file"])
            for name in stored_files():
                with default_storage.open(name, "rb") as file:
                    data = file.read()
                member = tarfile.TarInfo(f"media/{name}")
                member.size = len(data)
                archive.addfile(member, io.BytesIO(data))
        partial.replace(destination)  # a half-written archive never carries the final name
    return destination


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"В архиве недопустимый путь: {member.name}")
        yield member


def _restore_database(folder: Path, database: dict) -> None:
    db = _database()
    source = folder / database["file"]
    method = database["method"]
    if method == "sqlite-backup":
        if _engine() != "sqlite":
            raise BackupError("Архив сделан с SQLite, а сейчас настроена другая база данных.")
        connections.close_all()
        connection.ensure_connection()
        with sqlite3.connect(source) as archived:
            archived.backup(connection.connection)
        archived.close()
    elif method == "pg_dump":
        if _engine() != "postgresql":
            raise BackupError("Архив сделан с PostgreSQL, а сейчас настроена другая база данных.")
        if not shutil.which("psql"):
            raise BackupError("Для восстановления нужен клиент PostgreSQL (psql).")
        connections.close_all()
        _run(
            [
                "psql",
                *_pg_args(db),
                "--quiet",
                "--single-transaction",
                "-v",
                "ON_ERROR_STOP=1",
                "--file",
                str(source),
                str(db["NAME"]),
            ],
            _pg_env(db),
        )
    elif method == "dumpdata":
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, verbosity=0)
        if _engine() == "postgresql":
            # The signed-order triggers would refuse rows of signed orders being loaded back.
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = replica")
        try:
            call_command("loaddata", str(source), verbosity=0)
        finally:
            if _engine() == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET session_replication_role = DEFAULT")
    else:
        raise BackupError(f"Неизвестный способ копии базы: {method}")


def stored_files(path: str = ""):
    """Every file of the default storage (MEDIA_ROOT, or the S3 bucket the servers share), through the storage
    API so that both are backed up alike."""
    try:
        folders, files = default_storage.listdir(path)
    except FileNotFoundError:  # no MEDIA_ROOT yet: nothing uploaded
        return
    for name in files:
        yield posixpath.join(path, name) if path else name
    for folder in folders:
        yield from stored_files(posixpath.join(path, folder) if path else folder)


def _restore_files(restored: Path) -> None:
    """The archive's files replace the storage's: same names, and what came after the backup is removed."""
    before = set(stored_files())
    names = set()
    if restored.is_dir():
        for file in sorted(p for p in restored.rglob("*") if p.is_file()):
            name = file.relative_to(restored).as_posix()
            names.add(name)
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(file.read_bytes()))
    for name in before - names:
        default_storage.delete(name)


def restore_backup(path: Path) -> dict:
    """Replace the database and the stored files by the archive's. Stop the application first."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Нет такого файла: {path}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(folder, members=_safe_members(archive))
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"Архив повреждён или это не резервная копия: {error}") from error
        manifest_file = folder / "manifest.json"
        if not manifest_file.is_file():
            raise BackupError("В архиве нет manifest.json: это не резервная копия «Наставничества».")
        manifest = json.loads(manifest_file.read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Неизвестная версия архива: {manifest.get('format')}")
        _restore_database(folder, manifest["database"])
        _restore_files(folder / "media")
    return manifest
