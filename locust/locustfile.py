"""Load for the async-bench cells: one user class per route, as in the study.

Pick the class on the command line, e.g.
  locust -f /locust/locustfile.py --headless -H http://app:8000 -u 20 -r 5 -t 15s IoReadUser
Users loop with no wait (constant(0)): "as soon as a user finishes its task, it begins
again". HttpUser (python-requests) as in the study.

RouteUser requests any route of async-bench.yml, described by the environment variable
ASYNC_BENCH_ROUTE: a JSON object that async-bench compiles from the route
(src/core/config/route-request.ts), placeholders already parsed into segments, e.g.
  ASYNC_BENCH_ROUTE='{"name": "/items/{int:1..9}/", "method": "GET",
    "path": [{"kind": "text", "text": "/items/"}, {"kind": "int", "min": 1, "max": 9},
             {"kind": "text", "text": "/"}],
    "query": [], "headers": [], "form": null, "json": null, "expect": [200]}'
or, for a mix route, a JSON list of such objects each with a "weight": every request
picks one with probability proportional to its weight (random.choices), named by its
route, so the stats keep a row per route and the Aggregated row sums the mix.
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
_ROUTE_EXAMPLE = (
    '{"name": "/posts/noop/", "method": "GET", "path": [{"kind": "text", "text": "/posts/noop/"}], '
    '"query": [], "headers": [], "form": null, "json": null, "expect": []}'
)


def random_string(length: int) -> str:
    return "".join(random.choice(_LETTERS) for _ in range(length))


def fill(segments) -> str:
    """One template's text for one request: each placeholder drawn afresh."""
    parts = []
    for segment in segments:
        kind = segment["kind"]
        if kind == "text":
            parts.append(segment["text"])
        elif kind == "int":
            parts.append(str(random.randint(segment["min"], segment["max"])))
        elif kind == "choice":
            parts.append(random.choice(segment["values"]))
        elif kind == "string":
            parts.append(random_string(segment["length"]))
        elif kind == "env":
            # Checked before the run; read here so the token never leaves the environment.
            parts.append(os.environ.get(segment["name"], ""))
        else:
            raise ValueError(f"unknown template segment {segment!r}")
    return "".join(parts)


def fill_json(node):
    """A JSON body for one request; a string that is one {int:...} alone is sent as a number."""
    kind = node["kind"]
    if kind == "value":
        return node["value"]
    if kind == "template":
        segments = node["segments"]
        if len(segments) == 1 and segments[0]["kind"] == "int":
            return random.randint(segments[0]["min"], segments[0]["max"])
        return fill(segments)
    if kind == "array":
        return [fill_json(item) for item in node["items"]]
    if kind == "object":
        return {key: fill_json(value) for key, value in node["entries"]}
    raise ValueError(f"unknown JSON template node {node!r}")


def build_request(route) -> dict:
    """Keyword arguments of one client.request call for the route."""
    request = {
        "method": route["method"],
        "url": fill(route["path"]),
        "name": route["name"],
    }
    if route["query"]:
        request["params"] = {key: fill(value) for key, value in route["query"]}
    if route["headers"]:
        request["headers"] = {key: fill(value) for key, value in route["headers"]}
    if route["form"] is not None:
        request["data"] = {key: fill(value) for key, value in route["form"]}
    if route["json"] is not None:
        request["json"] = fill_json(route["json"])
    return request


_ROUTE_KEYS = ("name", "method", "path", "query", "headers", "form", "json", "expect")
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def parse_route(raw):
    """ASYNC_BENCH_ROUTE's text -> (route, None), or (None, why it is unusable)."""
    if raw is None or raw.strip() == "":
        return None, f"{ROUTE_ENV} is not set"
    try:
        route = json.loads(raw)
    except ValueError as error:
        return None, f"{ROUTE_ENV} is not valid JSON ({error}): {raw!r}"
    if not isinstance(route, dict):
        return None, f"{ROUTE_ENV} must be a JSON object, got {raw!r}"
    missing = [key for key in _ROUTE_KEYS if key not in route]
    if missing:
        return None, f"{ROUTE_ENV} lacks {', '.join(missing)} (async-bench compiles it from the route): {raw!r}"
    if route["method"] not in _METHODS:
        return None, f'{ROUTE_ENV} "method" must be one of {", ".join(_METHODS)}, got {route["method"]!r}'
    try:
        build_request(route)  # every segment evaluates, or the route is refused before any load
    except (KeyError, TypeError, ValueError) as error:
        return None, f"{ROUTE_ENV} has a template that cannot be filled ({error!r}): {raw!r}"
    return route, None


def parse_routes(raw):
    """ASYNC_BENCH_ROUTE's text -> ([(route, weight), ...], None), or (None, why it is unusable).

    One JSON object is one route (weight 1); a JSON list is a mix of weighted routes.
    """
    try:
        routes = json.loads(raw) if raw is not None and raw.strip().startswith("[") else None
    except ValueError as error:
        return None, f"{ROUTE_ENV} is not valid JSON ({error}): {raw!r}"
    if routes is None:
        route, error = parse_route(raw)
        return (None, error) if route is None else ([(route, 1)], None)
    if not routes:
        return None, f"{ROUTE_ENV} is an empty mix: {raw!r}"
    weighted = []
    for item in routes:
        weight = item.get("weight") if isinstance(item, dict) else None
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            return None, f'{ROUTE_ENV}: every route of a mix needs a "weight" > 0, got {item!r}'
        route, error = parse_route(json.dumps(item))
        if route is None:
            return None, error
        weighted.append((route, weight))
    return weighted, None


# Read once at import; a problem only matters when RouteUser is selected (see below).
ROUTES, ROUTE_ERROR = parse_routes(os.environ.get(ROUTE_ENV))
WEIGHTS = [weight for _, weight in ROUTES or []]


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
    """Any route: the request ASYNC_BENCH_ROUTE describes, placeholders drawn afresh each time.

    Requests are named by the path as written, so Locust's stats have one row per route.
    A status outside the route's "expect" list is a Locust failure (counted, not a crash);
    without a list, Locust's rule holds (below 400 succeeds).
    """

    wait_time = constant(0)

    def on_start(self) -> None:
        if ROUTES is None:  # only reachable when the init check below did not run
            raise RuntimeError(_route_failure())

    @task
    def route(self) -> None:
        route = ROUTES[0][0] if len(ROUTES) == 1 else random.choices(ROUTES, weights=WEIGHTS)[0][0]
        expect = route["expect"]
        if not expect:
            self.client.request(**build_request(route))
            return
        with self.client.request(**build_request(route), catch_response=True) as response:
            if response.status_code in expect:
                response.success()
            else:
                response.failure(f"status {response.status_code}, expected {' or '.join(map(str, expect))}")


def _route_failure() -> str:
    return (
        f"RouteUser cannot run: {ROUTE_ERROR}. Set {ROUTE_ENV} to a JSON object such as "
        f"{_ROUTE_EXAMPLE}, or name another user class on the command line (e.g. IoReadUser)."
    )


@events.init.add_listener
def _check_route(environment, **_kwargs) -> None:
    """Stops Locust before any load when RouteUser is selected without a usable route."""
    if ROUTES is None and RouteUser in (environment.user_classes or []):
        message = _route_failure()
        logging.getLogger(__name__).error(message)
        if getattr(environment.parsed_options, "logfile", None):
            sys.stderr.write(f"{message}\n")  # the log went to the file; the console gets it too
        sys.exit(1)
