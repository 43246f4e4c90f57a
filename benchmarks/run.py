"""``python -m benchmarks.run`` (``make benchmark``): the whole benchmark, written to docs/performance.md.

For each database (SQLite, PostgreSQL) and size (small, large): make the dataset once, start the benchmark
settings under gunicorn on loopback with Redis as the cache, and measure every contract query with wrk,
uncached and cached, beside Wagtail's REST API v2 and a static floor. Each dataset's figures are kept in
benchmarks/.data/results-<dataset>.json, so a run of one dataset updates its column and keeps the others.
"""

import argparse
import contextlib
import subprocess
import sys

from . import report, services
from .datasets import DATABASES, SIZES, Dataset, ensure
from .measure import Run


def log(message: str) -> None:
    print(message, flush=True)


def parse(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--databases", nargs="+", choices=DATABASES, default=list(DATABASES))
    parser.add_argument("--sizes", nargs="+", choices=SIZES, default=list(SIZES))
    parser.add_argument("--seconds", type=int, default=10, help="Length of each measurement (default 10).")
    parser.add_argument("--connections", type=int, default=8, help="Concurrency of the latency runs (default 8).")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (WEB_CONCURRENCY; default 3).")
    parser.add_argument("--error-seconds", type=int, default=60, help="Error run length; 0 skips it (default 60).")
    parser.add_argument("--error-connections", type=int, default=32, help="Error run concurrency (default 32).")
    parser.add_argument("--report-only", action="store_true", help="Rewrite docs/performance.md from kept results.")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    options = parse(argv)
    if not options.report_only:
        datasets = [Dataset(db, size) for size in options.sizes for db in options.databases]
        with contextlib.ExitStack() as stack:
            if "postgres" in options.databases:
                stack.enter_context(services.postgres())
            redis_url = stack.enter_context(services.redis())
            for dataset in datasets:
                log(f"== {dataset.name}")
                ensure(dataset, log)
                results = Run(dataset, redis_url, options, log).all()
                report.save(dataset.name, results, options)
    path = report.write()
    log(f"Written: {path}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (services.ServiceError, RuntimeError, OSError, subprocess.CalledProcessError) as error:
        # A step that failed (dataset generation, a probe answered with an error, a tool missing): say which.
        print(f"benchmark failed: {error}", file=sys.stderr)
        sys.exit(1)
