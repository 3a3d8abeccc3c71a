# The one image of «Наставничество»: the app servers, the Celery worker and beat all run it (compose.yaml,
# README «Масштабирование»). Configuration comes from the environment only; no .env is baked in.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint lays out the PDFs with Pango (the documents' font, PT Serif, ships in static/fonts).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The runtime part of requirements.txt: everything above «# Tests and tooling».
COPY requirements.txt .
RUN sed '/^# Tests and tooling/,$d' requirements.txt > /tmp/runtime.txt && pip install -r /tmp/runtime.txt

COPY . .
# Hashed, compressed static files for WhiteNoise; the key exists for this command only.
RUN DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=build python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 --home /app app \
    && mkdir -p /app/media /app/var && chown app /app/media /app/var
USER app

EXPOSE 8000
# Sync workers: a page waits for the database, a document is rendered on the Celery worker, not here.
CMD ["gunicorn", "mentoring.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", \
     "--graceful-timeout", "30", "--max-requests", "2000", "--max-requests-jitter", "200"]
