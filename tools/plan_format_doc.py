"""Write or check the plan-format reference (docs/plan-format.md and docs/plan-format.id.md).

python tools/plan_format_doc.py --write   # regenerate after changing the model or its texts
python tools/plan_format_doc.py --check   # exit 1 when a file is out of date (the tests do this)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from advisor.render import plan_format

DOCS = Path(__file__).resolve().parent.parent / "docs"
FILES = {"plan-format.md": "en", "plan-format.id.md": "id"}


def expected() -> dict[Path, str]:
    return {DOCS / name: plan_format.render(lang) for name, lang in FILES.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the files instead of checking them")
    write = parser.parse_args().write
    stale = []
    for path, text in expected().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if write:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.name}")
        else:
            stale.append(path.name)
    for name in stale:
        print(f"docs/{name} is out of date: run python tools/plan_format_doc.py --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
