"""async-bench's preflight: every route requested once, before any load.

  python /locust/preflight.py http://app:8000

ASYNC_BENCH_PREFLIGHT holds a JSON list of {"route": <name>, "request": <the compiled
request, as in ASYNC_BENCH_ROUTE>}. Each request is built by the locustfile's own
build_request, so templates, headers and bodies are filled exactly as under load.
One line per route on stdout: "PREFLIGHT " + JSON {route, method, url, status, body,
error}; async-bench (src/stack/preflight.ts) judges the status against the route's
expect and reports every mismatch at once.
"""

import json
import os
import sys

# First: importing Locust monkey-patches ssl and sockets (gevent), which must happen
# before requests is imported, or ssl recurses.
from locustfile import build_request, parse_route  # isort: skip

import requests  # noqa: E402  # isort: skip

PREFLIGHT_ENV = "ASYNC_BENCH_PREFLIGHT"
MARK = "PREFLIGHT "
TIMEOUT_SECONDS = 30
BODY_CHARS = 2000


def answer(session, host, entry) -> dict:
    """One route's request and what came back (status and the body's start), or why none did."""
    result = {"route": entry["route"], "method": entry["request"].get("method"), "url": None, "status": None, "body": "", "error": None}
    route, error = parse_route(json.dumps(entry["request"]))
    if route is None:
        result["error"] = error
        return result
    request = build_request(route)
    request.pop("name")
    path = request.pop("url")
    result["url"] = path
    try:
        # Redirects are followed, as Locust's client (a requests session) does.
        response = session.request(url=host + path, timeout=TIMEOUT_SECONDS, **request)
    except requests.RequestException as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
        return result
    first = response.history[0] if response.history else response
    result["url"] = first.request.path_url
    result["status"] = response.status_code
    result["body"] = response.text[:BODY_CHARS]
    return result


def main(argv) -> int:
    if len(argv) != 2:
        sys.stderr.write(f"usage: {PREFLIGHT_ENV}='[...]' python preflight.py http://host:port\n")
        return 2
    try:
        entries = json.loads(os.environ.get(PREFLIGHT_ENV, ""))
    except ValueError as error:
        sys.stderr.write(f"{PREFLIGHT_ENV} is not a JSON list ({error})\n")
        return 2
    host = argv[1].rstrip("/")
    with requests.Session() as session:
        for entry in entries:
            print(MARK + json.dumps(answer(session, host, entry)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
