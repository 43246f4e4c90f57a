"""gunicorn settings for production (`gunicorn -c gunicorn.conf.py cms.wsgi`), each from an environment variable.

WEB_CONCURRENCY    worker processes (default: 2 x CPU cores + 1, gunicorn's advice for sync workers)
GUNICORN_THREADS   threads per worker (default 1: sync workers; more than 1 selects the gthread worker)
GUNICORN_TIMEOUT   seconds a request may take before its worker is restarted (default 30)
GUNICORN_BIND      address to listen on (default 127.0.0.1:8000, behind the TLS-terminating proxy)
GUNICORN_MAX_REQUESTS  restart a worker after this many requests, against slow leaks (default 1000, jittered)
Static files are served by WhiteNoise inside Django (run `manage.py collectstatic` at deploy time).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = max_requests // 10
# The app is loaded once and forked, so workers share its memory (the settings open no connection at import).
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # "-" for stdout; off by default
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
