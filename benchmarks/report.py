"""Results kept per dataset, and the tables of docs/performance.md made from them.

Only the part between the benchmark markers is rewritten; other sections of the file (e.g. the register's)
are kept as they are.
"""

import json
import os
import platform
import subprocess
import time
from pathlib import Path

from . import services
from .datasets import DATABASES, SIZES, Dataset

DOC = services.ROOT / "docs" / "performance.md"
START, END = "<!-- benchmark:start (written by `make benchmark`) -->", "<!-- benchmark:end -->"
TARGETS = {"rest": 1.0, "floor": 1.3, "size": 1.2}


def _results_file(name: str) -> Path:
    return services.DATA / f"results-{name}.json"


def _first_line(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    os_name = next(
        (
            line.split("=", 1)[1].strip('"')
            for line in Path("/etc/os-release").read_text().splitlines()
            if line.startswith("PRETTY_NAME")
        ),
        platform.platform(),
    )
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "os": os_name,
        "python": platform.python_version(),
        "postgresql": _first_line(["bash", "-c", "ls /usr/lib/postgresql | sort -V | tail -n 1"]),
        "redis": " ".join(_first_line(["redis-server", "--version"]).split()[:3]),
        "wrk": " ".join(_first_line(["bash", "-c", "wrk -v 2>&1"]).split()[:2]),
        "load_average": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
    }


def save(name: str, results: dict, options) -> None:
    data = {
        "dataset": name,
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "options": {
            key: getattr(options, key)
            for key in ("seconds", "connections", "workers", "error_seconds", "error_connections")
        },
        "results": results,
    }
    _results_file(name).write_text(json.dumps(data, indent=2))


def _load() -> dict[str, dict]:
    found = {}
    for size in SIZES:
        for database in DATABASES:
            name = Dataset(database, size).name
            if _results_file(name).exists():
                found[name] = json.loads(_results_file(name).read_text())
    return found


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return "–"
    return f"{numerator / denominator:.2f}×"


def _mark(value: float | None, target: float) -> str:
    return "" if value is None else (" ✅" if value <= target else " ❌")


def _cell(figures: dict | None) -> str:
    if not figures:
        return "–"
    return f"{figures['p50_ms']:.1f} / {figures['p95_ms']:.1f} / {figures['rps']:.0f} / {figures['queries']}"


def dataset_section(name: str, data: dict) -> list[str]:
    results = data["results"]
    uncached, cached = results.get("graphql-uncached", {}), results.get("graphql-cached", {})
    floor, rest = results.get("static-floor", {}), results.get("rest-v2", {})
    lines = [
        f"### {name} (finished {data['finished']}, load average at the end {data['machine']['load_average']})",
        "",
        "Each cell: p50 ms / p95 ms / requests per second / database queries per request.",
        "",
        "| query | GraphQL uncached | GraphQL cached | static floor | cached ÷ floor (p50) |"
        " REST API v2 | GraphQL ÷ REST (p50) |",
        "|---|---|---|---|---|---|---|",
    ]
    for query, figures in uncached.items():
        c, f, r = cached.get(query), floor.get(query), rest.get(query)
        floor_ratio = c["p50_ms"] / f["p50_ms"] if c and f else None
        rest_ratio = figures["p50_ms"] / r["p50_ms"] if r else None
        lines.append(
            f"| {query} | {_cell(figures)} | {_cell(c)} | {_cell(f)} | "
            f"{_ratio(c and c['p50_ms'], f and f['p50_ms'])}{_mark(floor_ratio, TARGETS['floor'])} | "
            f"{_cell(r)} | {_ratio(figures['p50_ms'], r and r['p50_ms'])}{_mark(rest_ratio, TARGETS['rest'])} |"
        )
    for query, run in results.get("error-run", {}).items():
        lines += [
            "",
            f"Error run: {query}, uncached, {run['connections']} connections for {run['seconds']:.0f} s: "
            f"{run['requests']} requests ({run['rps']:.0f}/s, p50 {run['p50_ms']:.0f} ms, p95 {run['p95_ms']:.0f} ms), "
            f"**{run['errors']} errors** (non-2xx, socket errors, or a body with GraphQL errors).",
        ]
    return [*lines, ""]


def size_section(found: dict) -> list[str]:
    lines = []
    for database in DATABASES:
        small, large = (found.get(Dataset(database, size).name) for size in SIZES)
        if not (small and large):
            continue
        s, lg = small["results"]["graphql-uncached"], large["results"]["graphql-uncached"]
        lines += [
            f"### Scaling on {database}: large ÷ small, GraphQL uncached",
            "",
            "| query | p50 small → large (ms) | ratio | queries small → large |",
            "|---|---|---|---|",
        ]
        for query in s:
            if query in lg:
                ratio = lg[query]["p50_ms"] / s[query]["p50_ms"]
                same = "" if s[query]["queries"] == lg[query]["queries"] else " ❌"
                lines.append(
                    f"| {query} | {s[query]['p50_ms']:.1f} → {lg[query]['p50_ms']:.1f} | "
                    f"{ratio:.2f}×{_mark(ratio, TARGETS['size'])} | "
                    f"{s[query]['queries']} → {lg[query]['queries']}{same} |"
                )
        lines.append("")
    return lines


def generated() -> str:
    found = _load()
    if not found:
        return "No benchmark results yet: run `make benchmark`.\n"
    first = next(iter(found.values()))
    machine_info, options = first["machine"], first["options"]
    lines = [
        "## Benchmark",
        "",
        f"Machine: {machine_info['cpu']}, {machine_info['memory']} RAM, {machine_info['os']}; Python "
        f"{machine_info['python']}, PostgreSQL {machine_info['postgresql']}, {machine_info['redis']}, "
        f"{machine_info['wrk']}. **The machine was shared** with other work while the benchmark ran (its load "
        "average is given per dataset), so absolute figures are pessimistic and noisy; the ratios come from the "
        "same run and are the point.",
        "",
        f"Settings: gunicorn with {options['workers']} sync workers (gunicorn.conf.py, `cms.settings.benchmark` ="
        " production + query-count header + REST API v2 + static floor), Redis as the cache, wrk with "
        f"{options['connections']} connections for {options['seconds']} s per measurement.",
        "",
    ]
    for name, data in found.items():
        lines += dataset_section(name, data)
    lines += size_section(found)
    missing = [Dataset(db, size).name for size in SIZES for db in DATABASES if Dataset(db, size).name not in found]
    if missing:
        lines += [
            f"Not measured yet: {', '.join(missing)}. Complete with "
            f'`make benchmark BENCHMARK_ARGS="--databases … --sizes …"` (see How to reproduce).',
            "",
        ]
    return "\n".join(lines)


def write() -> Path:
    DOC.parent.mkdir(exist_ok=True)
    current = DOC.read_text() if DOC.exists() else "# Performance\n\n" + START + "\n" + END + "\n"
    if START not in current:
        current = current.rstrip("\n") + "\n\n" + START + "\n" + END + "\n"
    before, rest = current.split(START, 1)
    after = rest.split(END, 1)[1]
    DOC.write_text(f"{before}{START}\n{generated()}\n{END}{after}")
    return DOC
