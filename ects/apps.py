from django.apps import AppConfig


class EctsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ects"
