"""Hostile clients for the load test, in a process of their own (run by test_load).

Usage: hostile_clients.py BASE_URL THREADS ROUNDS REQUESTS_JSON. REQUESTS_JSON is a file with a
list of [method, path, body or null]. Prints one JSON list of [request index, status, seconds].
The clients run apart from the test process so that their own work does not delay the
measurements of the citizen and the health check there.
"""

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import requests

JSON = {"Content-Type": "application/json"}


def client(base: str, rounds: int, requests_: list) -> list:
    answers = []
    with requests.Session() as session:
        for _ in range(rounds):
            for index, (method, path, body) in enumerate(requests_):
                started = time.monotonic()
                try:
                    status = session.request(
                        method,
                        base + path,
                        data=body.encode() if body is not None else None,
                        headers=JSON if body is not None else {},
                        timeout=30,
                    ).status_code
                except requests.RequestException as error:
                    status = repr(error)
                answers.append([index, status, time.monotonic() - started])
    return answers


def main() -> None:
    base, threads, rounds, requests_file = sys.argv[1:]
    with open(requests_file) as file:
        requests_ = json.load(file)
    with ThreadPoolExecutor(int(threads)) as pool:
        futures = [pool.submit(client, base, int(rounds), requests_) for _ in range(int(threads))]
        answers = [answer for future in futures for answer in future.result()]
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
