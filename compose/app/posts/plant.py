"""A planted regression: ASYNC_BENCH_PLANT_<ROUTE>_MS=<ms> in a setup's env adds that much
CPU busy-work to every request of that route, so tests and users can watch a known
slowdown be detected. Off unless set; a bad value stops the app with the reason."""

import functools
import inspect
import os
import time

from django.core.exceptions import ImproperlyConfigured


def plant_ms(route: str) -> float:
    """Milliseconds of busy-work planted on `route`; 0 when its variable is unset or empty."""
    name = f"ASYNC_BENCH_PLANT_{route.upper()}_MS"
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return 0.0
    try:
        ms = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number of milliseconds; e.g. {name}=20.") from None
    if not 0 <= ms <= 10_000:
        raise ImproperlyConfigured(f"{name}={raw!r} is outside 0-10000 ms.")
    return ms


def busy(ms: float) -> None:
    """Spins the CPU (not sleeps): a slowdown in the app's own work, as a code regression is."""
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def planted(route: str, view):
    """`view`, slowed by the planted busy-work of `route` when there is one; sync or async alike."""
    ms = plant_ms(route)
    if ms == 0:
        return view
    if inspect.iscoroutinefunction(view):

        @functools.wraps(view)
        async def slowed_async(request, *args, **kwargs):
            busy(ms)
            return await view(request, *args, **kwargs)

        return slowed_async

    @functools.wraps(view)
    def slowed(request, *args, **kwargs):
        busy(ms)
        return view(request, *args, **kwargs)

    return slowed
