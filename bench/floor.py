"""WeasyPrint alone on a kept print HTML: one render() and one write_pdf(), as a process of its own.

The whole-process floor of any build that lays the book out with WeasyPrint in one process (start-up and
imports included), for setting beside whole-process timings of other tools. Prints the page count.

Run: .venv/bin/python bench/floor.py BUILD/NAME-print.html OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

import weasyprint


def main(argv: list[str]) -> int:
    html, out = Path(argv[0]), Path(argv[1])
    document = weasyprint.HTML(filename=html).render()
    document.write_pdf(out)
    print(f"floor: {len(document.pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
