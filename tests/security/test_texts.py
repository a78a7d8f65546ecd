"""Text messages through the outbox and through a stand-in for GOV.UK Notify on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from security import views
from security.models import TextMessage
from security.texts import send_text

pytestmark = pytest.mark.django_db

SERVICE_ID = "11111111-2222-3333-4444-555555555555"
SECRET = "66666666-7777-8888-9999-000000000000"


class StandInNotify(BaseHTTPRequestHandler):
    """Responds to POST /v2/notifications/sms as Notify does, or with the status the test sets."""

    requests: list = []
    status = 201

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body, "authorization": self.headers["Authorization"]})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        if self.status == 201:
            answer = {"id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "reference": body.get("reference")}
        else:
            answer = {"status_code": self.status, "errors": [{"error": "BadRequestError", "message": "Stand-in rejected the request"}]}
        self.wfile.write(json.dumps(answer).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def notify(settings):
    StandInNotify.requests = []
    StandInNotify.status = 201
    server = HTTPServer(("127.0.0.1", 0), StandInNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = f"test_key-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_SMS_TEMPLATE_ID = "12345678-1234-1234-1234-123456789012"
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.TEXT_SENDER = "security.texts.NotifySender"
    yield StandInNotify
    server.shutdown()


def test_outbox_sender_keeps_text(settings, django_capture_on_commit_callbacks):
    settings.TEXT_SENDER = "security.texts.OutboxSender"
    with django_capture_on_commit_callbacks(execute=True):
        send_text(to="+447700900123", body="Hello")

    text = TextMessage.objects.get()
    assert text.status == TextMessage.Status.QUEUED
    assert text.body == "Hello"


def test_notify_sender_delivers(notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        text = send_text(to="+447700900123", body="123456 is your code")

    text.refresh_from_db()
    assert len(notify.requests) == 1
    request = notify.requests[0]
    assert request["path"] == "/v2/notifications/sms"
    assert request["body"]["phone_number"] == "+447700900123"
    assert request["body"]["personalisation"] == {"body": "123456 is your code"}
    assert request["body"]["reference"] == f"text-{text.pk}"
    assert request["authorization"].startswith("Bearer ")
    assert text.status == TextMessage.Status.SENT
    assert text.provider_reference == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def test_notify_error_marks_text_failed(notify, django_capture_on_commit_callbacks):
    notify.status = 400
    with django_capture_on_commit_callbacks(execute=True):
        text = send_text(to="+447700900123", body="Hello")

    text.refresh_from_db()
    assert text.status == TextMessage.Status.FAILED
    assert "Stand-in rejected the request" in text.last_error


def test_outbox_page_only_with_debug(settings):
    TextMessage.objects.create(to="+447700900123", body="654321 is your code")
    request = RequestFactory().get("/account/texts/")
    request.user = AnonymousUser()
    request.membership = None
    request.all_memberships = []

    settings.DEBUG = True
    shown = views.text_outbox(request)
    settings.DEBUG = False

    assert "654321 is your code" in shown.content.decode()
    with pytest.raises(views.Http404):
        views.text_outbox(request)


def test_notify_email_backend_delivers(notify, settings, home):
    from django.core.mail import EmailMessage

    from security.notify_email import NotifyEmailBackend

    settings.NOTIFY_EMAIL_TEMPLATE_ID = "87654321-1234-1234-1234-123456789012"
    message = EmailMessage(subject="Your code", body="123456", to=["tutor@example.org"])

    sent = NotifyEmailBackend().send_messages([message])

    assert sent == 1
    request = notify.requests[0]
    assert request["path"] == "/v2/notifications/email"
    assert request["body"]["email_address"] == "tutor@example.org"
    assert request["body"]["template_id"] == "87654321-1234-1234-1234-123456789012"
    assert request["body"]["personalisation"] == {"subject": "Your code", "body": "123456"}


def test_notify_email_error_leaves_outbox_email_queued(notify, settings, django_capture_on_commit_callbacks):
    from messaging.models import OutboxEmail
    from messaging.outbox import queue_email

    settings.NOTIFY_EMAIL_TEMPLATE_ID = "87654321-1234-1234-1234-123456789012"
    settings.EMAIL_BACKEND = "security.notify_email.NotifyEmailBackend"
    notify.status = 400
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(to="tutor@example.org", subject="Your code", body="123456")

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.QUEUED
    assert email.attempts == 1
    assert "Stand-in rejected the request" in email.last_error
