"""A slow external dependency (a shipping-rate service), simulated in-process: 50 ms."""

import asyncio
import time

DELAY_SECONDS = 0.05


def quote(product_id: int) -> int:
    time.sleep(DELAY_SECONDS)
    return 500 + product_id % 7 * 100


async def aquote(product_id: int) -> int:
    await asyncio.sleep(DELAY_SECONDS)
    return 500 + product_id % 7 * 100
