"""Real output of the built credence against docs/schema/*.schema.json.

A small validator for the part of JSON Schema (draft 2020-12) the schemas
use: type, const, enum, minimum, maximum, properties, required,
additionalProperties, items, oneOf and local $ref. Mutated copies of each
output must fail, so that a schema that accepts anything fails the test.

usage: schema_test.py CREDENCE SOURCE_ROOT
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def errors(value, schema, root, where="$"):
    """The list of ways `value` breaks `schema` ([] when it conforms)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return errors(value, root["$defs"][name], root, where)
    found = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[k](value) for k in kinds):
            return [f"{where}: not {schema['type']}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in the enum")
    if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
        found.append(f"{where}: below {schema['minimum']}")
    if "maximum" in schema and TYPES["number"](value) and value > schema["maximum"]:
        found.append(f"{where}: above {schema['maximum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{where}: no {key}")
        for key, item in value.items():
            if key in props:
                found += errors(item, props[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: unexpected {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += errors(item, schema["additionalProperties"], root,
                                f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{where}[{i}]")
    if "oneOf" in schema:
        passing = sum(not errors(value, s, root, where) for s in schema["oneOf"])
        if passing != 1:
            found.append(f"{where}: matches {passing} of oneOf")
    return found


def run(binary, *args, stdin=None):
    done = subprocess.run([binary, *args], input=stdin, capture_output=True,
                          text=True, check=True)
    return done.stdout


def outputs(binary, folder):
    """(schema name, parsed object, mutations) for each kind of output."""
    article = os.path.join(folder, "a.txt")
    with open(article, "w") as f:
        f.write("Kim may visit Russia, sources said\n"
                "She said the ministry confirmed it, officials told Reuters.\n")
    labeled = os.path.join(folder, "l.csv")
    with open(labeled, "w") as f:
        f.write("text,label\nPolice confirmed the arrest,1\n"
                "Sources say aliens may land,0\nThe ministry said so,1\n"
                "You won't believe this shocking trick,0\n")
    score = json.loads(run(binary, "score", article, "--format", "json"))
    many = [json.loads(line) for line in
            run(binary, "score", article, article).splitlines()]
    brief = [json.loads(line) for line in
             run(binary, "score", article, "--format", "brief").splitlines()]
    jsonl = json.dumps({"id": "x", "text": "Kim may visit Russia"}) + "\n"
    brief += [json.loads(line) for line in
              run(binary, "score", "--jsonl", "-", "--format", "brief",
                  stdin=jsonl).splitlines()]
    rank = [json.loads(line) for line in
            run(binary, "rank", labeled, "--text-column", "text",
                "--format", "jsonl").splitlines()]
    rank_brief = [json.loads(line) for line in
                  run(binary, "rank", labeled, "--text-column", "text",
                      "--format", "jsonl-brief").splitlines()]
    kept = [json.loads(line) for line in
            run(binary, "rank", labeled, "--text-column", "text",
                "--format", "jsonl", "--keep-columns", "all").splitlines()]
    kept_brief = [json.loads(line) for line in
                  run(binary, "rank", labeled, "--text-column", "text",
                      "--format", "jsonl-brief", "--order", "input",
                      "--keep-columns", "label").splitlines()]
    evals = json.loads(run(binary, "eval", labeled, "--format", "json"))
    return [
        ("score-report", score, [("schema_version", 2), ("claims", {})]),
        ("score-report", many[0], [("path", 3), ("extra", 1)]),
        ("brief-report", brief[0], [("id", "both path and id"), ("score", 2)]),
        ("brief-report", brief[1], [("schema_version", None), ("claims", [1])]),
        ("rank-jsonl", rank[0], [("rank", 0), ("score", "high")]),
        ("rank-jsonl-brief", rank_brief[0], [("cue", "x"), ("claim", {})]),
        ("rank-jsonl", kept[0], [("columns", {"label": 1})]),
        ("rank-jsonl-brief", kept_brief[0], [("columns", ["1"])]),
        ("eval", evals, [("n", -1), ("files", [{}])]),
    ]


def main():
    binary, root = sys.argv[1], sys.argv[2]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, value, mutations in outputs(binary, folder):
            with open(os.path.join(root, "docs", "schema",
                                   name + ".schema.json")) as f:
                schema = json.load(f)
            found = errors(value, schema, schema)
            print(("ok   " if not found else "FAIL ") + name, *found[:3])
            passed, failed = passed + (not found), failed + bool(found)
            for key, bad in mutations:
                wrong = copy.deepcopy(value)
                wrong[key] = bad
                refused = bool(errors(wrong, schema, schema))
                print(("ok   " if refused else "FAIL ") + name,
                      f"refuses {key} = {bad!r}")
                passed, failed = passed + refused, failed + (not refused)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
