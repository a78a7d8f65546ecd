from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = "Account security"

    def ready(self):
        from security import signals  # noqa: F401  Connects the sign-in failure receivers.
