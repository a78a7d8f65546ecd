"""Receivers that count failed sign-ins against the address they came from."""

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from ectm.net import client_ip
from security.lockout import record_address_failure


@receiver(user_login_failed, dispatch_uid="security.count_address_failure")
def count_address_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        record_address_failure(client_ip(request))
