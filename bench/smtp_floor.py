#!/usr/bin/env python3
"""The floor under confmail's latency: how long the SMTP server itself takes to accept a message of the same size,
on a new connection each time and on one kept open. Usage: smtp_floor.py HOST PORT N. Prints one line of JSON."""
import json
import smtplib
import statistics
import sys
import time

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = ("Subject: floor\r\nMessage-ID: <floor@bench>\r\n\r\n" + "x" * 70 + "\r\n") * 120  # about 9 kB, like ours


def measure(reuse):
    times = []
    conn = smtplib.SMTP(host, port, local_hostname="bench") if reuse else None
    for _ in range(n):
        started = time.perf_counter()
        if not reuse:
            conn = smtplib.SMTP(host, port, local_hostname="bench")
        conn.sendmail("bench@confmail.test", ["floor@contoso.example"], body)
        if not reuse:
            conn.quit()
        times.append((time.perf_counter() - started) * 1000)
    if reuse:
        conn.quit()
    return round(statistics.median(times), 2)


print(json.dumps({"newConnectionMedian": measure(False), "reusedConnectionMedian": measure(True)}))
