#!/usr/bin/env python3
"""Load for the shutdown proof: verdicts posted while the service is told to stop, every answer recorded.

    load.py --url http://127.0.0.1:18080/verdicts --body examples/2025-10-article.json \
            --stop-file STOP --out result.json [--ready-file READY] [--workers 8] [--slow 4] [--slow-seconds 8]

Two kinds of client, all POSTing the same snapshot to --url:
- workers: each on one keep-alive connection, back to back, as a proxy's pool does; a response that says
  "Connection: close" makes it open a new connection for the next request;
- slow clients: each sends the headers, then the body a few bytes at a time over --slow-seconds, so that
  requests are in flight, mid-body, at any moment; their starts are spread over the first --slow-seconds.

Touches --ready-file once every client has started. Runs until --stop-file exists (what an orchestrator does when it takes a pod out of its Service: no new
requests), then lets every request already begun finish, and writes --out: one record per request with its
start and end (epoch seconds), the outcome ("ok" with the status and X-Decision-Id, "refused" when the
connection could not be opened, "lost" when a request was sent and no whole answer came back) and which
client sent it. Standard library only. Exit status 0 when it ran; judging the records is the caller's job.
"""
import argparse
import http.client
import json
import os
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

records = []
records_lock = threading.Lock()


def record(kind, start, outcome, status=None, decision_id=None, error=None):
    with records_lock:
        records.append({"client": kind, "start": start, "end": time.time(), "outcome": outcome,
                        "status": status, "decisionId": decision_id, "error": error})


def worker(host, port, path, body, stopped):
    conn = None
    while not stopped():
        if conn is None:
            conn = http.client.HTTPConnection(host, port, timeout=60)
        start = time.time()
        try:
            conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        except ConnectionRefusedError as e:
            record("worker", start, "refused", error=type(e).__name__)
            conn.close()
            conn = None
            time.sleep(0.05)
            continue
        except OSError as e:  # the request could not be sent whole
            record("worker", start, "lost", error=type(e).__name__)
            conn.close()
            conn = None
            continue
        try:
            response = conn.getresponse()
            response.read()
            record("worker", start, "ok", response.status, response.getheader("X-Decision-Id"))
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as e:
            record("worker", start, "lost", error=type(e).__name__)
            conn.close()
            conn = None


def read_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the headers")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the whole body")
        rest += chunk
    return status, headers.get("x-decision-id")


def slow_client(host, port, path, body, seconds, delay, stopped):
    time.sleep(delay)
    pieces = 40
    step = max(1, -(-len(body) // pieces))
    while not stopped():
        start = time.time()
        try:
            sock = socket.create_connection((host, port), timeout=60)
        except ConnectionRefusedError as e:
            record("slow", start, "refused", error=type(e).__name__)
            time.sleep(0.05)
            continue
        try:
            sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                          f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode())
            for i in range(0, len(body), step):
                time.sleep(seconds / pieces)
                sock.sendall(body[i:i + step])
            status, decision_id = read_response(sock)
            record("slow", start, "ok", status, decision_id)
        except OSError as e:
            record("slow", start, "lost", error=type(e).__name__)
        finally:
            sock.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--body", required=True)
    parser.add_argument("--stop-file", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--ready-file")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--slow", type=int, default=4)
    parser.add_argument("--slow-seconds", type=float, default=8.0)
    args = parser.parse_args()
    url = urlsplit(args.url)
    with open(args.body, "rb") as f:
        body = f.read()
    stopped = lambda: os.path.exists(args.stop_file)
    threads = [threading.Thread(target=worker, args=(url.hostname, url.port, url.path, body, stopped))
               for _ in range(args.workers)]
    threads += [threading.Thread(target=slow_client, args=(url.hostname, url.port, url.path, body, args.slow_seconds,
                                                           i * args.slow_seconds / max(1, args.slow), stopped))
                for i in range(args.slow)]
    for t in threads:
        t.start()
    if args.ready_file:
        open(args.ready_file, "w").close()
    for t in threads:
        t.join()
    with open(args.out, "w") as f:
        json.dump(records, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
