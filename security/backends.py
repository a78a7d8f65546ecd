from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Refuse a locked account before its password is checked.

    Every sign-in page passes the request, so the lock applies there. Calls
    without a request, such as the test client's login(), have no address to
    count against. Axes would raise AxesBackendRequestParameterRequired for
    them, so this backend returns None and lets the next backends decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
