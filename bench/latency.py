#!/usr/bin/env python3
"""Drives one running confmail: creates a bridge and a user, sends warm-up requests, then N conference-info
requests one after another (with a short pause, so each email meets an idle pipeline), and reports the time from
each request (the email's createdAt) to the SMTP server's acceptance (its sentAt), from the API's own records.

Usage: latency.py BASE_URL ADMIN_PASSWORD N WARMUP PAUSE_MS LABEL [PID [RAW_FILE]]
With the server's PID it also reports the CPU time the server used per measured email (user + system, from
/proc), which does not depend on how busy the machine is; RAW_FILE gets every latency, one per line.
Prints one line of JSON with the figures (milliseconds)."""
import os
import base64
import json
import statistics
import sys
import time
import urllib.request
import uuid
from datetime import datetime


def main():
    base, password, n, warmup, pause_ms, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5]), sys.argv[6]
    pid = int(sys.argv[7]) if len(sys.argv) > 7 else None
    raw_file = sys.argv[8] if len(sys.argv) > 8 else None
    auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()

    def call(method, path, body=None, content_type="application/json"):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(base + "/api/v1/" + path, data=data, method=method,
                                     headers={"Authorization": auth, "Content-Type": content_type,
                                              "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or b"null")

    suffix = uuid.uuid4().hex[:8]
    bridge = call("POST", "bridges", {"name": "Bench " + suffix})["id"]
    call("POST", "bridges/%s/service-numbers" % bridge,
         {"number": "+1425555%04d" % (int(suffix, 16) % 10000), "type": "TOLL", "country": "US", "city": "Seattle"})
    call("PATCH", "tenant/dial-in-settings", {"automaticallySendEmailsToUsers": False},
         content_type="application/merge-patch+json")
    upn = "bench.%s@contoso.example" % suffix
    call("POST", "users", {"userPrincipalName": upn, "displayName": "Bench User", "country": "US",
                           "bridgeId": bridge})

    def cpu_ms():
        if pid is None:
            return 0.0
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")

    ids, request_ms = [], []
    cpu_start = None
    for i in range(warmup + n):
        if i == warmup:
            time.sleep(1)  # let the warm-up drain
            cpu_start = cpu_ms()
        started = time.perf_counter()
        email_id = call("POST", "users/%s/conference-info-email" % upn)["emailId"]
        if i >= warmup:
            request_ms.append((time.perf_counter() - started) * 1000)
            ids.append(email_id)
        time.sleep(pause_ms / 1000)

    deadline = time.time() + 60
    while time.time() < deadline:
        if call("GET", "emails?user=%s&status=SENT&size=1" % upn)["total"] >= warmup + n:
            break
        time.sleep(0.2)
    cpu_per_email = (cpu_ms() - cpu_start) / n if pid else None
    deadline = time.time() + 60
    rows = {}
    while time.time() < deadline:
        rows = {}
        for page in range(0, (warmup + n) // 200 + 1):
            for item in call("GET", "emails?user=%s&size=200&page=%d" % (upn, page))["items"]:
                rows[item["id"]] = item
        if all(rows.get(i, {}).get("status") == "SENT" for i in ids):
            break
        time.sleep(0.5)

    def ts(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00"))

    latencies = sorted((ts(rows[i]["sentAt"]) - ts(rows[i]["createdAt"])).total_seconds() * 1000
                       for i in ids if rows.get(i, {}).get("status") == "SENT")
    not_sent = len(ids) - len(latencies)
    if raw_file:
        with open(raw_file, "a") as f:
            f.writelines("%s %.3f\n" % (label, v) for v in latencies)

    def pct(values, p):
        return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values))) - 1))] if values else None

    print(json.dumps({
        "label": label, "n": n, "sent": len(latencies), "notSent": not_sent,
        "median": round(statistics.median(latencies), 1) if latencies else None,
        "p95": round(pct(latencies, 95), 1) if latencies else None,
        "p99": round(pct(latencies, 99), 1) if latencies else None,
        "max": round(latencies[-1], 1) if latencies else None,
        "requestMedian": round(statistics.median(request_ms), 1),
        "cpuPerEmail": round(cpu_per_email, 2) if cpu_per_email is not None else None,
        "load": round(os.getloadavg()[0], 1),
    }))


if __name__ == "__main__":
    main()
