from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuse a locked account before its password is checked.

    Every sign-in page passes the request, so the lock applies there. Calls
    without a request (the test client's login(), a shell) have no address to
    count against; axes would raise for them, and this backend lets the
    following backends decide instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
