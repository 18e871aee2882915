"""What the derived image adds to a project image: each server package it lacks, nothing it has.

Run by compose/derived/Dockerfile with the project image's own Python (any 3.10+), stdlib only
(pip's vendored `packaging` for the version check, since pip is what installs anyway):

  add-missing.py plan REQUIREMENTS TO_ADD
      Writes to TO_ADD the pinned entries (hashes included) of REQUIREMENTS whose package the
      image lacks, and prints one line per package: kept (the project's version) or adding.
  add-missing.py check TO_ADD RECORD
      After pip installed TO_ADD: every added package's own requirements must be met by what
      the image has (the project's pins are kept, so an added package may not fit them); if
      one is not, says which and how to fix it, and fails. Writes RECORD: what was added
      ("uvicorn-worker==0.4.0, ..."), or "nothing", for results.json's environment.
"""

import importlib.metadata as metadata
import re
import sys


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def installed(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def entries(path):
    """(name, version, text) per pinned entry of a hashed requirements file; comments dropped."""
    found, current = [], None
    for line in open(path, encoding="utf-8").read().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace() and current is not None:
            current[2].append(line)
            continue
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if not match:
            raise SystemExit(f"async-bench: {path}: cannot read the requirement line {line!r}")
        current = (normalize(match.group(1)), match.group(2), [line])
        found.append(current)
    return [(name, version, "\n".join(lines)) for name, version, lines in found]


def plan(requirements, to_add):
    adding = []
    for name, version, text in entries(requirements):
        have = installed(name)
        if have is None:
            adding.append(text)
            print(f"async-bench: adding {name}=={version} (the project image lacks it)")
        else:
            print(f"async-bench: kept the project's {name} {have}")
    with open(to_add, "w", encoding="utf-8") as out:
        out.write("".join(f"{text}\n" for text in adding))


def packaging():
    try:
        from pip._vendor.packaging.requirements import Requirement
    except ImportError:
        from packaging.requirements import Requirement
    return Requirement


def conflicts(added):
    """What an added package requires and the image does not have, as sentences."""
    Requirement = packaging()
    problems = []
    for name, version, _ in added:
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            have = installed(requirement.name)
            wanted = f"{requirement.name}{requirement.specifier}"
            if have is None:
                problems.append(f"{name} {version} (added) needs {wanted}, which the project image lacks")
            elif not requirement.specifier.contains(have, prereleases=True):
                problems.append(
                    f"{name} {version} (added) needs {wanted}, but the project image has {requirement.name} {have} "
                    f"(kept: async-bench never replaces a package the project installs). Fix: give the project "
                    f"{wanted}, or add to its requirements a {name} that works with {requirement.name} {have} "
                    f"(async-bench then adds none)"
                )
    return problems


def check(to_add, record):
    added = entries(to_add)
    problems = conflicts(added)
    for problem in problems:
        print(f"async-bench: {problem}.", file=sys.stderr)
    if problems:
        raise SystemExit(1)
    with open(record, "w", encoding="utf-8") as out:
        out.write(", ".join(f"{name}=={version}" for name, version, _ in added) or "nothing")
        out.write("\n")
    print(f"async-bench: added {', '.join(f'{name} {version}' for name, version, _ in added) or 'nothing'}")


if __name__ == "__main__":
    command, *args = sys.argv[1:] or [""]
    if command == "plan" and len(args) == 2:
        plan(*args)
    elif command == "check" and len(args) == 2:
        check(*args)
    else:
        raise SystemExit(__doc__)
