"""Gunicorn settings shared by both setups (gunicorn reads ./gunicorn.conf.py from /app).

The worker class, app module and worker count come from the command line that
async-bench passes (each setup's server argv, or async-bench-serve when the image runs on its
own); this file only adds the readiness hook.
"""

import os
import time

READY_FILE = os.environ.get("ASYNC_BENCH_READY_FILE", "/run/async-bench/ready")
WORKERS_FILE = f"{READY_FILE}.workers"
DB_WAIT_SECONDS = float(os.environ.get("ASYNC_BENCH_DB_WAIT", "30"))


def post_worker_init(worker):
    """Mark the container ready once every worker has loaded Django and reached the DB.

    Runs in the worker before it serves (for the uvicorn worker: before its event loop
    runs), so the compose healthcheck can be a file test that costs the app nothing
    while a load test is running. Every worker, not the first: a worker still starting
    when the load begins would add its start-up CPU and its connection's setup query to
    the sample's measured window (docs/stack.md "Signals").
    """
    from django.db import connection

    deadline = time.monotonic() + DB_WAIT_SECONDS
    while True:
        try:
            # Connects and authenticates without a statement: a worker that becomes ready
            # after the sample's window opened adds nothing to the app's SQL count.
            connection.ensure_connection()
            break
        except Exception as exc:  # any driver error: DB still starting, wrong host, ...
            if time.monotonic() > deadline:
                worker.log.error("async-bench: database not reachable after %.0f s: %s", DB_WAIT_SECONDS, exc)
                raise
            time.sleep(0.1)
        finally:
            connection.close()
    # One line per ready worker; appends this small are atomic, so the count is exact.
    with open(WORKERS_FILE, "a") as f:
        f.write(f"{os.getpid()}\n")
    with open(WORKERS_FILE) as f:
        ready = sum(1 for _ in f)
    worker.log.info("async-bench: worker %s ready (%d of %d)", os.getpid(), ready, worker.cfg.workers)
    if ready >= worker.cfg.workers:
        with open(READY_FILE, "w") as f:
            f.write(f"{os.getpid()}\n")
