# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv migrate demo browser-deps browser-test lint format clean backup restore

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Нужен Python 3.11 ($(PYTHON))"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo_data

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: venv
	$(PY) -m pytest -q -m "not browser" -n auto --dist worksteal

# Debian's Chromium for the journey tests (root on the project's machines).
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

browser-test: venv browser-deps
	$(PY) -m pytest -q -m browser

lint: venv
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# One archive with the database and the uploaded files (README «Резервные копии»).
backup: venv
	$(PY) manage.py backup $(if $(OUTPUT),--output $(OUTPUT))

restore: venv
	@test -n "$(FILE)" || { echo "Укажите архив: make restore FILE=var/backups/nastav-….tar.gz"; exit 1; }
	$(PY) manage.py restore "$(FILE)"

# A load run against gunicorn + PostgreSQL on this machine (README «Нагрузка»); not part of the tests.
load: venv
	$(PY) benchmarks/load.py

clean:
	rm -rf $(VENV) staticfiles
