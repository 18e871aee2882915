#!/usr/bin/env python3
"""Capture real Locust output fixtures for async-bench's unit tests.

Starts a small stdlib HTTP target on 127.0.0.1 that serves the study's three routes,
runs the given Locust executable headless against it once per cell, and leaves Locust's
own files in one directory per cell:

    locust_stats.csv  locust_stats_history.csv  locust_failures.csv
    locust_exceptions.csv  locust.log  [report.html]

The target (``serve`` subcommand, started as a child process per cell so every cell gets
a fresh "app") imitates the study's setups, so cells produce different numbers:

    sync             one worker: a global lock serialises every request (io added delay included)
    async-limited    requests interleave; the io routes need one of --db-conns "connections"
                     (held for the io work + added delay); waiting longer than
                     --db-timeout-ms answers 500, like Postgres refusing clients
    async-unlimited  requests interleave, no connection limit

    GET  /posts/cpu/        fixed CPU work (serialised in every setup, like one event loop),
                            then the added delay outside any lock (response on the wire)
    POST /posts/io_create/  form fields title, content (400 without them); io work + delay; 201
    GET  /posts/io_read/    io work + delay; 200 with a small JSON page of posts

--fail-ratio answers 500 for that fraction of requests on top (seeded per cell).

Only loopback is ever targeted; keep loads small (few users, seconds).

Presets reproduce the committed fixtures (see __tests__/fixtures/README.md), e.g.

    python3 scripts/capture-fixtures.py --preset run-27 --locust /tmp/locustcur/bin/locust \
        --out __tests__/fixtures/run-27/cells
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "fixture_locustfile.py"

SETUPS = ("sync", "async-limited", "async-unlimited")
ROUTES = ("cpu", "io_create", "io_read")
LATENCIES = (0, 100, 200)
USER_CLASS = {"cpu": "CpuUser", "io_create": "IoCreateUser", "io_read": "IoReadUser"}
CELL_FILES = (
    "locust_stats.csv",
    "locust_stats_history.csv",
    "locust_failures.csv",
    "locust_exceptions.csv",
    "locust.log",
    "report.html",
)

# Each preset is the exact recipe of one committed fixture folder; explicit flags override.
PRESETS: dict[str, dict] = {
    # __tests__/fixtures/locust-2.12/with-failures and locust-current/with-failures
    "with-failures": {
        "cells": ["async-unlimited/io_read/100ms"],
        "flat": True,
        "duration": 15,
        "users": 10,
        "spawn_rate": 5,
        "html": True,
        "fail_ratio": ["0.2"],
        "exception_ratio": 0.01,
    },
    # __tests__/fixtures/locust-current/clean
    "clean": {
        "cells": ["async-unlimited/io_read/100ms"],
        "flat": True,
        "duration": 15,
        "users": 10,
        "spawn_rate": 5,
        "html": False,  # report.html is ~1 MB in current Locust; with-failures carries one
        "fail_ratio": ["0"],
        "exception_ratio": 0.0,
    },
    # __tests__/fixtures/run-27/cells: the study's 27 cells, short and small
    "run-27": {
        "cells": ["all"],
        "flat": False,
        "duration": 8,
        "users": 10,
        "spawn_rate": 5,
        "html": False,
        # async-limited io cells fail on their own (connection limit); these add a few more
        "fail_ratio": ["sync/io_create/200ms=0.05", "async-unlimited/cpu/0ms=0.03"],
        "exception_ratio": 0.0,
    },
    # __tests__/fixtures/locust-current/latency-bound/{a,b}: a cell at about 0.6 sRPS (one worker,
    # 1.65 s a request) for the ci profile's 25 s, captured twice: an A/A pair whose rate
    # Locust's history rows read in steps of 0.1
    "latency-bound": {
        "cells": ["sync/io_read/1650ms"],
        "flat": True,
        "duration": 25,
        "users": 10,
        "spawn_rate": 10,
        "html": False,
        "fail_ratio": ["0"],
        "exception_ratio": 0.0,
    },
    # __tests__/fixtures/locust-current/cpu-warning: make Locust itself CPU-bound
    "cpu-warning": {
        "cells": ["async-unlimited/io_read/0ms"],
        "flat": True,
        # psutil samples Locust's own CPU every 10 s and the first sample is always 0.0,
        # so the run must last > 20 s. Users on a 0 ms route alone got Locust to 85-95 % of
        # a core (flaky); a little busy work per task in the locustfile makes it reliable.
        "duration": 25,
        "users": 50,
        "spawn_rate": 50,
        "client_cpu_iterations": 5000,
        "html": False,
        "fail_ratio": ["0"],
        "exception_ratio": 0.0,
        "io_ms": 0.0,
        "locust_cpu": "0",
        "server_cpu": "1",
    },
}

DEFAULTS = {
    "cells": ["all"],
    "flat": False,
    "duration": 8,
    "users": 10,
    "spawn_rate": 5,
    "html": False,
    "fail_ratio": ["0"],
    "exception_ratio": 0.0,
    "client_cpu_iterations": 0,
    "io_ms": None,  # None: per-route default below
    "locust_cpu": None,
    "server_cpu": None,
    "hog_cpu": None,
}
IO_MS_DEFAULT = {"io_create": 8.0, "io_read": 4.0}


# --------------------------------------------------------------------------- target server


def make_handler(setup: str, delay_ms: float, fail_ratio: float, seed: int, io_ms: dict[str, float],
                 cpu_iterations: int, db_conns: int, db_timeout_ms: float):
    worker_lock = threading.Lock()  # sync: the single worker
    loop_lock = threading.Lock()  # async: CPU work blocks the one event loop
    db_pool = threading.BoundedSemaphore(db_conns)
    rng = random.Random(seed)
    rng_lock = threading.Lock()
    counter = {"posts": 0}

    def should_fail() -> bool:
        if fail_ratio <= 0:
            return False
        with rng_lock:
            return rng.random() < fail_ratio

    def burn() -> int:
        acc = 0
        for i in range(cpu_iterations):
            acc = (acc + i * i) % 1_000_003
        return acc

    def io_work(route: str) -> bool:
        """Simulated DB round trip plus the added latency; False if no connection was free."""
        seconds = (io_ms[route] + delay_ms) / 1000.0
        if setup == "async-limited":
            if not db_pool.acquire(timeout=db_timeout_ms / 1000.0):
                return False
            try:
                time.sleep(seconds)
            finally:
                db_pool.release()
        else:
            time.sleep(seconds)
        return True

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like gunicorn/uvicorn behind Locust
        disable_nagle_algorithm = True  # headers and body are separate writes: avoid the 40 ms delayed-ACK stall

        def log_message(self, format, *args):  # noqa: A002 - quiet target
            pass

        def reply(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle_route(self, method: str) -> None:
            path = self.path.split("?", 1)[0]
            form: dict[str, list[str]] = {}
            if method == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
            if setup == "sync":
                with worker_lock:
                    status, body = self.route(method, path, form)
            else:
                status, body = self.route(method, path, form)
            if path == "/posts/cpu/":
                # The added latency only delays this response on the wire (netem on the app's
                # outbound traffic); the worker is already free, so sleep outside any lock.
                time.sleep(delay_ms / 1000.0)
            self.reply(status, body)

        def route(self, method: str, path: str, form):
            if method == "GET" and path == "/posts/cpu/":
                if setup == "sync":
                    value = burn()
                else:
                    with loop_lock:
                        value = burn()
                if should_fail():
                    return 500, {"error": "simulated failure"}
                return 200, {"result": value}
            if method == "POST" and path == "/posts/io_create/":
                title, content = form.get("title", [""])[0], form.get("content", [""])[0]
                if not title or not content:
                    return 400, {"error": "title and content are required"}
                if not io_work("io_create"):
                    return 500, {"error": "FATAL: sorry, too many clients already"}
                if should_fail():
                    return 500, {"error": "simulated failure"}
                with rng_lock:
                    counter["posts"] += 1
                    post_id = counter["posts"]
                return 201, {"id": post_id, "title": title, "content": content}
            if method == "GET" and path == "/posts/io_read/":
                if not io_work("io_read"):
                    return 500, {"error": "FATAL: sorry, too many clients already"}
                if should_fail():
                    return 500, {"error": "simulated failure"}
                return 200, {"posts": [{"id": i, "title": f"post {i}"} for i in range(1, 11)]}
            return 404, {"error": "not found"}

        def do_GET(self):  # noqa: N802
            self.handle_route("GET")

        def do_POST(self):  # noqa: N802
            self.handle_route("POST")

    return Handler


class TargetServer(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Locust drops its connections when the run time ends; that is not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(args: argparse.Namespace) -> None:
    handler = make_handler(
        setup=args.setup,
        delay_ms=args.delay_ms,
        fail_ratio=args.fail_ratio,
        seed=args.seed,
        io_ms={"io_create": args.io_create_ms, "io_read": args.io_read_ms},
        cpu_iterations=args.cpu_iterations,
        db_conns=args.db_conns,
        db_timeout_ms=args.db_timeout_ms,
    )
    httpd = TargetServer(("127.0.0.1", args.port), handler)
    print(f"serving {args.setup} on 127.0.0.1:{args.port}", flush=True)
    httpd.serve_forever()


# --------------------------------------------------------------------------- capture


def parse_cell(spec: str) -> tuple[str, str, int]:
    parts = spec.strip().split("/")
    if len(parts) != 3 or not parts[2].endswith("ms"):
        raise SystemExit(f"--cells: {spec!r} is not <setup>/<route>/<latency>ms")
    setup, route, latency = parts[0], parts[1], int(parts[2][:-2])
    if setup not in SETUPS or route not in ROUTES:
        raise SystemExit(f"--cells: unknown setup or route in {spec!r}")
    return setup, route, latency


def expand_cells(specs: list[str]) -> list[tuple[str, str, int]]:
    cells: list[tuple[str, str, int]] = []
    for spec in specs:
        for item in spec.split(","):
            if item.strip() == "all":
                cells += [(s, r, lat) for s in SETUPS for r in ROUTES for lat in LATENCIES]
            elif item.strip():
                cells.append(parse_cell(item))
    return cells


def fail_ratio_for(cell: tuple[str, str, int], entries: list[str]) -> float:
    """Entries are either a bare ratio (every cell) or <cell id>=<ratio>; the last match wins."""
    ratio = 0.0
    cell_id = f"{cell[0]}/{cell[1]}/{cell[2]}ms"
    for entry in entries:
        if "=" in entry:
            key, value = entry.split("=", 1)
            if key == cell_id:
                ratio = float(value)
        else:
            ratio = float(entry)
    return ratio


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"target did not listen on 127.0.0.1:{port}")


def pinned(cpu: str | None, command: list[str]) -> list[str]:
    return ["taskset", "-c", cpu, *command] if cpu is not None else command


def locust_supports(locust: str, flag: str) -> bool:
    out = subprocess.run([locust, "--help"], capture_output=True, text=True).stdout
    return flag in out


def aggregated(celldir: Path) -> str:
    try:
        with open(celldir / "locust_stats.csv", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("Name") == "Aggregated":
                    return f"requests={row['Request Count']} failures={row['Failure Count']} rps={row['Requests/s']}"
    except OSError:
        pass
    return "no stats"


def capture(args: argparse.Namespace) -> None:
    opts = dict(DEFAULTS)
    if args.preset:
        opts.update(PRESETS[args.preset])
    for key in DEFAULTS:
        value = getattr(args, key, None)
        if value is not None:
            opts[key] = value

    locust = shutil.which(args.locust) or args.locust
    cells = expand_cells(opts["cells"])
    if opts["flat"] and len(cells) != 1:
        raise SystemExit("--flat needs exactly one cell")
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    version = subprocess.run([locust, "--version"], capture_output=True, text=True)
    print((version.stdout or version.stderr).strip(), flush=True)
    extra_flags = ["--only-summary"] if locust_supports(locust, "--only-summary") else []

    hog = None
    if opts["hog_cpu"] is not None:
        hog = subprocess.Popen(pinned(opts["hog_cpu"], [sys.executable, "-c", "while True: pass"]))
    try:
        for index, cell in enumerate(cells):
            setup, route, latency = cell
            celldir = out if opts["flat"] else out / f"{setup}__{route}__{latency}ms"
            celldir.mkdir(parents=True, exist_ok=True)
            for name in CELL_FILES:
                (celldir / name).unlink(missing_ok=True)
            ratio = fail_ratio_for(cell, opts["fail_ratio"])
            io_ms = opts["io_ms"]
            server_cmd = [
                sys.executable, str(Path(__file__).resolve()), "serve",
                "--port", str(args.port), "--setup", setup, "--delay-ms", str(latency),
                "--fail-ratio", str(ratio), "--seed", str(args.seed + index),
                "--io-create-ms", str(IO_MS_DEFAULT["io_create"] if io_ms is None else io_ms),
                "--io-read-ms", str(IO_MS_DEFAULT["io_read"] if io_ms is None else io_ms),
                "--cpu-iterations", str(args.cpu_iterations),
                "--db-conns", str(args.db_conns), "--db-timeout-ms", str(args.db_timeout_ms),
            ]
            server = subprocess.Popen(pinned(opts["server_cpu"], server_cmd), stdout=subprocess.DEVNULL)
            try:
                wait_for_port(args.port)
                locust_cmd = [
                    locust, "-f", str(LOCUSTFILE), "--headless",
                    "-H", f"http://127.0.0.1:{args.port}",
                    "-u", str(opts["users"]), "-r", str(opts["spawn_rate"]), "-t", f"{opts['duration']}s",
                    "--csv", str(celldir / "locust"), "--csv-full-history",
                    *(["--html", str(celldir / "report.html")] if opts["html"] else []),
                    "--logfile", str(celldir / "locust.log"), "--loglevel", "INFO",
                    *extra_flags, "--exit-code-on-error", "0",
                    USER_CLASS[route],
                ]
                env = dict(os.environ, FIXTURE_EXCEPTION_RATIO=str(opts["exception_ratio"]),
                           FIXTURE_CLIENT_CPU_ITERATIONS=str(opts["client_cpu_iterations"]))
                print(f"[{index + 1}/{len(cells)}] {setup}/{route}/{latency}ms fail_ratio={ratio}", flush=True)
                print("  target: " + " ".join(pinned(opts["server_cpu"], server_cmd[1:])), flush=True)
                print(f"  locust: FIXTURE_EXCEPTION_RATIO={env['FIXTURE_EXCEPTION_RATIO']}"
                      f" FIXTURE_CLIENT_CPU_ITERATIONS={env['FIXTURE_CLIENT_CPU_ITERATIONS']} "
                      + " ".join(pinned(opts["locust_cpu"], locust_cmd)), flush=True)
                result = subprocess.run(pinned(opts["locust_cpu"], locust_cmd), env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                if result.returncode != 0:
                    sys.stderr.write(result.stderr[-4000:])
                    raise SystemExit(f"locust exited {result.returncode} for {setup}/{route}/{latency}ms")
                print(f"  -> {aggregated(celldir)}", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=10)
    finally:
        if hog is not None:
            hog.terminate()
            hog.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")

    srv = sub.add_parser("serve", help="run only the target server (used per cell by the capture)")
    srv.add_argument("--port", type=int, default=18089)
    srv.add_argument("--setup", choices=SETUPS, default="async-unlimited")
    srv.add_argument("--delay-ms", type=float, default=0.0)
    srv.add_argument("--fail-ratio", type=float, default=0.0)
    srv.add_argument("--seed", type=int, default=1)
    srv.add_argument("--io-create-ms", type=float, default=IO_MS_DEFAULT["io_create"])
    srv.add_argument("--io-read-ms", type=float, default=IO_MS_DEFAULT["io_read"])
    srv.add_argument("--cpu-iterations", type=int, default=200_000)
    srv.add_argument("--db-conns", type=int, default=4)
    srv.add_argument("--db-timeout-ms", type=float, default=150.0)

    cap = sub.add_parser("capture", help="run Locust against the target for each cell (default)")
    cap.add_argument("--preset", choices=sorted(PRESETS), help="recipe of a committed fixture folder")
    cap.add_argument("--locust", default="locust", help="locust executable (e.g. /tmp/locustcur/bin/locust)")
    cap.add_argument("--out", required=True, help="output dir (cells go in <setup>__<route>__<latency>ms/)")
    cap.add_argument("--cells", action="append", help="'all' or <setup>/<route>/<latency>ms, repeatable")
    cap.add_argument("--flat", action=argparse.BooleanOptionalAction, default=None,
                     help="write the single cell's files directly into --out")
    cap.add_argument("--duration", type=int, help="seconds per cell")
    cap.add_argument("--users", type=int)
    cap.add_argument("--spawn-rate", dest="spawn_rate", type=float)
    cap.add_argument("--html", action=argparse.BooleanOptionalAction, default=None, help="also write report.html")
    cap.add_argument("--fail-ratio", dest="fail_ratio", action="append",
                     help="ratio for every cell, or <cell id>=<ratio>; repeatable")
    cap.add_argument("--exception-ratio", dest="exception_ratio", type=float,
                     help="fraction of Locust tasks that raise (fills locust_exceptions.csv)")
    cap.add_argument("--client-cpu-iterations", dest="client_cpu_iterations", type=int,
                     help="busy work per task inside Locust (makes Locust CPU-bound)")
    cap.add_argument("--io-ms", dest="io_ms", type=float, help="simulated DB time per io request")
    cap.add_argument("--locust-cpu", dest="locust_cpu", help="pin Locust with taskset -c")
    cap.add_argument("--server-cpu", dest="server_cpu", help="pin the target with taskset -c")
    cap.add_argument("--hog-cpu", dest="hog_cpu", help="run a busy-loop process pinned to this CPU")
    cap.add_argument("--port", type=int, default=18089)
    cap.add_argument("--seed", type=int, default=1)
    cap.add_argument("--cpu-iterations", type=int, default=200_000, help="work per /posts/cpu/ request")
    cap.add_argument("--db-conns", type=int, default=4, help="async-limited connection pool size")
    cap.add_argument("--db-timeout-ms", type=float, default=150.0, help="async-limited pool wait before 500")

    argv = sys.argv[1:]
    if not argv or argv[0] not in ("serve", "capture", "-h", "--help"):
        argv = ["capture", *argv]
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(args)
    else:
        capture(args)


if __name__ == "__main__":
    main()
