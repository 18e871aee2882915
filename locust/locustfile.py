"""Load for the async-bench cells: one user class per route, as in the study.

Pick the class on the command line, e.g.
  locust -f /locust/locustfile.py --headless -H http://app:8000 -u 20 -r 5 -t 15s IoReadUser
Users loop with no wait (constant(0)): "as soon as a user finishes its task, it begins
again". HttpUser (python-requests) as in the study.

RouteUser requests any route (custom routes of async-bench.yml) described by the
environment variable ASYNC_BENCH_ROUTE, a JSON object, e.g.
  ASYNC_BENCH_ROUTE='{"method": "POST", "path": "/posts/io_create/", "form": ["title", "content"]}'
(async-bench passes it to every Locust run: src/locust/command.ts).
"""

import json
import logging
import os
import random
import string
import sys

from locust import HttpUser, constant, events, task

_LETTERS = string.ascii_letters
ROUTE_ENV = "ASYNC_BENCH_ROUTE"
_ROUTE_EXAMPLE = '{"method": "GET", "path": "/posts/noop/", "form": []}'


def random_string(length: int) -> str:
    return "".join(random.choice(_LETTERS) for _ in range(length))


def parse_route(raw):
    """ASYNC_BENCH_ROUTE's text -> ((method, path, form), None), or (None, why it is unusable)."""
    if raw is None or raw.strip() == "":
        return None, f"{ROUTE_ENV} is not set"
    try:
        route = json.loads(raw)
    except ValueError as error:
        return None, f"{ROUTE_ENV} is not valid JSON ({error}): {raw!r}"
    if not isinstance(route, dict):
        return None, f"{ROUTE_ENV} must be a JSON object, got {raw!r}"
    method = route.get("method", "GET")
    method = method.upper() if isinstance(method, str) else method
    if method not in ("GET", "POST"):
        return None, f'{ROUTE_ENV} "method" must be "GET" or "POST", got {route.get("method")!r}'
    path = route.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        return None, f'{ROUTE_ENV} "path" must be a string starting with "/", got {path!r}'
    form = route.get("form") if route.get("form") is not None else []
    if not isinstance(form, list) or not all(isinstance(field, str) and field for field in form):
        return None, f'{ROUTE_ENV} "form" must be a list of field names, got {route.get("form")!r}'
    return (method, path, tuple(form)), None


# Read once at import; a problem only matters when RouteUser is selected (see below).
ROUTE, ROUTE_ERROR = parse_route(os.environ.get(ROUTE_ENV))


class CpuUser(HttpUser):
    wait_time = constant(0)

    @task
    def cpu(self) -> None:
        self.client.get("/posts/cpu/")


class IoCreateUser(HttpUser):
    wait_time = constant(0)

    @task
    def io_create(self) -> None:
        self.client.post(
            "/posts/io_create/",
            data={
                "title": f"Post {random_string(10)}",
                "content": f"Content {random_string(100)}",
            },
        )


class IoReadUser(HttpUser):
    wait_time = constant(0)

    @task
    def io_read(self) -> None:
        self.client.get("/posts/io_read/")


class NoopUser(HttpUser):
    """Not a study route: measures the load generator + server ceiling."""

    wait_time = constant(0)

    @task
    def noop(self) -> None:
        self.client.get("/posts/noop/")


class RouteUser(HttpUser):
    """Any route: method and path from ASYNC_BENCH_ROUTE, each form field random text.

    GET sends the fields as query parameters, POST as a form body. Requests are named
    by the path, so Locust's stats have one row per route.
    """

    wait_time = constant(0)

    def on_start(self) -> None:
        if ROUTE is None:  # only reachable when the init check below did not run
            raise RuntimeError(_route_failure())

    @task
    def route(self) -> None:
        method, path, form = ROUTE
        fields = {field: random_string(20) for field in form}
        if method == "POST":
            self.client.post(path, data=fields, name=path)
        else:
            self.client.get(path, params=fields or None, name=path)


def _route_failure() -> str:
    return (
        f"RouteUser cannot run: {ROUTE_ERROR}. Set {ROUTE_ENV} to a JSON object such as "
        f"{_ROUTE_EXAMPLE}, or name another user class on the command line (e.g. IoReadUser)."
    )


@events.init.add_listener
def _check_route(environment, **_kwargs) -> None:
    """Stops Locust before any load when RouteUser is selected without a usable route."""
    if ROUTE is None and RouteUser in (environment.user_classes or []):
        message = _route_failure()
        logging.getLogger(__name__).error(message)
        if getattr(environment.parsed_options, "logfile", None):
            sys.stderr.write(f"{message}\n")  # the log went to the file; the console gets it too
        sys.exit(1)
