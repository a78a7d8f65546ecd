from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """Return the address a request came from.

    With TRUSTED_PROXY_COUNT = n > 0, the address is the n-th entry from the
    right of X-Forwarded-For, the one our own nearest proxy saw. Entries further
    left were written by the client and are ignored, so a forged header cannot
    change the result. With 0, the header is ignored and REMOTE_ADDR is used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
