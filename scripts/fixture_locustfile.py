"""Locustfile used by scripts/capture-fixtures.py to record Locust output fixtures.

One user class per route of the study (Asynchronize-Django); the capture script picks
one by passing its class name on the locust command line. Every user fires its next
request as soon as the previous one finishes (wait_time = constant(0)), like the study.

FIXTURE_EXCEPTION_RATIO (env, default 0): fraction of tasks that raise after their
request, so locust_exceptions.csv gets real rows (multi-line quoted tracebacks).
FIXTURE_CLIENT_CPU_ITERATIONS (env, default 0): busy work in the Locust process after
each request (a heavy locustfile), used to make Locust itself CPU-bound.
"""

import os
import random
import string

from locust import HttpUser, constant, task

EXCEPTION_RATIO = float(os.environ.get("FIXTURE_EXCEPTION_RATIO", "0"))
CLIENT_CPU_ITERATIONS = int(os.environ.get("FIXTURE_CLIENT_CPU_ITERATIONS", "0"))


def _words(n: int) -> str:
    return " ".join("".join(random.choices(string.ascii_lowercase, k=random.randint(3, 9))) for _ in range(n))


def _after_request() -> None:
    acc = 0
    for i in range(CLIENT_CPU_ITERATIONS):
        acc = (acc + i * i) % 1_000_003
    _maybe_raise()


def _maybe_raise() -> None:
    if EXCEPTION_RATIO and random.random() < EXCEPTION_RATIO:
        raise ValueError("fixture: simulated error in user code")


class CpuUser(HttpUser):
    wait_time = constant(0)

    @task
    def cpu(self) -> None:
        self.client.get("/posts/cpu/")
        _after_request()


class IoCreateUser(HttpUser):
    wait_time = constant(0)

    @task
    def io_create(self) -> None:
        self.client.post("/posts/io_create/", data={"title": _words(3), "content": _words(20)})
        _after_request()


class IoReadUser(HttpUser):
    wait_time = constant(0)

    @task
    def io_read(self) -> None:
        self.client.get("/posts/io_read/")
        _after_request()
