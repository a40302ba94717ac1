"""Every input of every API operation has a stated maximum (maxLength, maxItems, maximum)."""

import pytest

pytestmark = pytest.mark.django_db


def _unbounded(schema: dict, components: dict, path: str) -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _unbounded(components[name], components, path)
    found = []
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key, [])
        if any(option.get("type") == "number" and "maximum" in option for option in options):
            # A decimal: a number, or the same number written as a string (pydantic's schema).
            options = [option for option in options if option.get("type") != "string"]
        for option in options:
            found += _unbounded(option, components, path)
    kind = schema.get("type")
    if kind == "string" and not (
        "maxLength" in schema or "enum" in schema or schema.get("format") in ("date", "date-time")
    ):
        found.append(f"{path}: string without maxLength")
    if kind in ("integer", "number") and "maximum" not in schema and "enum" not in schema:
        found.append(f"{path}: number without maximum")
    if kind == "array":
        if "maxItems" not in schema:
            found.append(f"{path}: array without maxItems")
        found += _unbounded(schema.get("items", {}), components, f"{path}[]")
    for name, child in schema.get("properties", {}).items():
        found += _unbounded(child, components, f"{path}.{name}")
    return found


def _inputs(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if "$ref" in parameter:
                    name = parameter["$ref"].rsplit("/", 1)[-1]
                    parameter = document["components"]["parameters"][name]
                yield f"{method} {path} {parameter['name']}", parameter["schema"]
            for media in operation.get("requestBody", {}).get("content", {}).values():
                yield f"{method} {path} body", media["schema"]


@pytest.mark.parametrize("url", ["/api/v1/openapi.json", "/ogc/api?f=json"])
def test_every_input_states_its_maximum(client, url):
    document = client.get(url).json()
    components = document.get("components", {}).get("schemas", {})

    problems = [
        problem
        for where, schema in _inputs(document)
        for problem in _unbounded(schema, components, where)
    ]

    assert problems == [], "\n".join(problems)
