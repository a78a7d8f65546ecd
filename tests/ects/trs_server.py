"""A stand-in Teaching Record System API on 127.0.0.1, speaking GET /v3/persons/{trn}
as the real API version 3 does, with a record for each case the client handles."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

API_KEY = "stand-in-key"


def person(trn, last_name, date_of_birth, *, qts="2026-07-10", induction="RequiredToComplete", alerts=()):
    return {
        "trn": trn,
        "firstName": "Test",
        "lastName": last_name,
        "dateOfBirth": date_of_birth,
        "qts": {"holdsFrom": qts, "routes": []} if qts is not None else None,
        "induction": {"status": induction, "startDate": None, "completedDate": None},
        "alerts": list(alerts),
    }


def prohibition(end_date):
    return {
        "alertId": "a1",
        "alertType": {
            "alertTypeId": "t1",
            "name": "Prohibition by the Secretary of State - misconduct",
            "alertCategory": {"alertCategoryId": "c1", "name": "Teacher misconduct"},
        },
        "details": "",
        "startDate": "2023-01-01",
        "endDate": end_date,
    }


RECORDS = {
    "1000001": person("1000001", "Rivers", "1999-04-01"),
    "1000012": person("1000012", "Moore", "2000-05-05"),
    "1000005": person("1000005", "Lee", "1998-02-02", qts=None),
    "1000015": {**person("1000015", "Lee", "1998-02-02"), "qts": {"holdsFrom": None}},
    "1000006": person("1000006", "Brown", "1997-06-06", alerts=[prohibition(None)]),
    "1000016": person("1000016", "Brown", "1997-06-06", alerts=[prohibition("2099-01-01")]),
    "1000007": person("1000007", "Green", "1996-07-07", alerts=[prohibition("2025-01-31")]),
    "1000008": person("1000008", "White", "1995-08-08", induction="Passed"),
    "1000009": person("1000009", "Black", "1994-09-09", induction="Exempt"),
    "1000010": person("1000010", "Gray", "1993-10-10", induction="Failed"),
    "1000011": person("1000011", "Hill", "1993-11-11", induction="FailedInWales"),
    "1000013": person("1000013", "Van  der Berg", "1992-12-12"),
}
MERGED = {"1000002": "1000012"}
DEACTIVATED = {"1000003"}
SLOW = {"1000004"}
SERVER_ERROR = {"1000014"}


class Handler(BaseHTTPRequestHandler):
    requests_seen: list = []

    def log_message(self, *args):  # Keep test output quiet.
        pass

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        type(self).requests_seen.append(
            {"path": url.path, "query": query, "headers": {key.lower(): value for key, value in self.headers.items()}}
        )
        if self.headers.get("Authorization") != f"Bearer {API_KEY}":
            return self.answer(401, {"title": "Unauthorized"})
        parts = url.path.strip("/").split("/")
        if len(parts) != 3 or parts[:2] != ["v3", "persons"]:
            return self.answer(404, {"title": "Not found"})
        trn = parts[2]
        if trn in SLOW:
            time.sleep(2)
            return self.answer(200, RECORDS["1000001"])
        if trn in SERVER_ERROR:
            return self.answer(503, {"title": "Service unavailable"})
        if trn in MERGED:
            self.send_response(308)
            self.send_header("Location", f"/v3/persons/{MERGED[trn]}?{url.query}")
            self.end_headers()
            return None
        if trn in DEACTIVATED:
            return self.answer(410, {"title": "Gone"})
        record = RECORDS.get(trn)
        if record is None or query.get("dateOfBirth") != [record["dateOfBirth"]]:
            return self.answer(404, {"title": "Person not found"})
        return self.answer(200, record)

    def answer(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class StandInTRS:
    def __init__(self):
        Handler.requests_seen = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    @property
    def requests_seen(self) -> list:
        return Handler.requests_seen

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
