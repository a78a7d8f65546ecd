"""Walk every URL pattern of the project and find the access rule of its view."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from accounts.access import AccessRule, rule_of


@dataclass(frozen=True)
class Route:
    name: str  # Namespaced, like "organisations:staff_list".
    pattern: str
    parameters: tuple[str, ...]
    rule: AccessRule | None


def walk_routes(patterns=None, prefix: str = "", namespace: str = "") -> list[Route]:
    """Return every URL pattern below `patterns` (default: the project's) with its view's rule."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    routes = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            child_namespace = namespace
            if entry.namespace:
                child_namespace = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            routes += walk_routes(entry.url_patterns, prefix + str(entry.pattern), child_namespace)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            routes.append(
                Route(
                    name=name,
                    pattern=prefix + str(entry.pattern),
                    parameters=tuple(entry.pattern.regex.groupindex),
                    rule=rule_of(entry.callback),
                )
            )
    return routes


def routes_without_rules(routes: list[Route]) -> list[str]:
    return [route.pattern for route in routes if route.rule is None]


def routes_without_names(routes: list[Route]) -> list[str]:
    return [route.pattern for route in routes if not route.name]
