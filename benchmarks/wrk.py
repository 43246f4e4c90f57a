"""One load measurement with wrk (Debian's package) and benchmarks/load.lua."""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("load.lua")


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    errors: int  # non-2xx/3xx answers, socket errors and (when checked) answers holding GraphQL errors

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def load(url: str, *, body: bytes | None, seconds: int, connections: int, check_bodies: bool = False) -> Result:
    """Send the same request for ``seconds`` over ``connections`` connections (2 wrk threads)."""
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: apt-get install -y wrk")
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        env = {**os.environ, "BENCH_METHOD": "POST" if body else "GET", "BENCH_CHECK_BODIES": str(int(check_bodies))}
        if body:
            body_file.write(body)
            body_file.flush()
            env["BENCH_BODY_FILE"] = body_file.name
        command = [
            "wrk",
            "-t",
            "2",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(SCRIPT),
            url,
        ]
        output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result for {url}:\n{output}")
    data = json.loads(line.removeprefix("BENCH "))
    return Result(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        errors=data["non_2xx"] + data["socket_errors"] + data["bad_answers"],
    )
