"""Load for the async-bench cells: one user class per route, as in the study.

Pick the class on the command line, e.g.
  locust -f /locust/locustfile.py --headless -H http://app:8000 -u 20 -r 5 -t 15s IoReadUser
Users loop with no wait (constant(0)): "as soon as a user finishes its task, it begins
again". HttpUser (python-requests) as in the study.
"""

import random
import string

from locust import HttpUser, constant, task

_LETTERS = string.ascii_letters


def random_string(length: int) -> str:
    return "".join(random.choice(_LETTERS) for _ in range(length))


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
