# Two commands on a fresh machine: `make run` and `make test`.
# `make run` shows what a school sees (DEBUG off: the Russian error pages, static files from whitenoise);
# `make dev` is the same demo with DEBUG on (Django's debug pages) for development. Both: PORT=8080 HOST=0.0.0.0.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev static test venv migrate demo browser-deps browser-test lint format clean backup restore

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

URL = http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
# DEBUG off over plain http on this computer: no redirect to https, cookies without the Secure flag, no HSTS.
LOCAL_PROD = DEBUG=0 SECRET_KEY="$$(cat var/run-secret-key)" ALLOWED_HOSTS=127.0.0.1,localhost,$(HOST) \
	SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 BEHIND_HTTPS_PROXY=0 SITE_URL=$(URL)

# A secret of this copy for `make run` (DEBUG off requires one), made once, kept out of git in var/.
var/run-secret-key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

static: venv var/run-secret-key
	$(LOCAL_PROD) $(PY) manage.py collectstatic --noinput -v 0

run: static
	SITE_URL=$(URL) $(MAKE) --no-print-directory demo
	@echo "Открывайте $(URL)/ — так школа видит систему (DEBUG выключен). Остановить: Ctrl+C."
	$(LOCAL_PROD) $(PY) manage.py runserver $(HOST):$(PORT)

dev:
	SITE_URL=$(URL) $(MAKE) --no-print-directory demo
	@echo "Режим разработки (DEBUG включён): $(URL)/"
	DEBUG=1 SITE_URL=$(URL) $(PY) manage.py runserver $(HOST):$(PORT)

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
