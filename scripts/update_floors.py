"""Print the parser's scores on the bundled evaluation set; optionally raise the floors.

    python scripts/update_floors.py           # show floors and current scores
    python scripts/update_floors.py --write   # raise floors to the current scores

Floors are the scores rounded down to 2 places. They only ever go up: a floor above
the current score is left alone (the regression test reports it instead).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from geonews import evaluate
from geonews._internal.gold import bundled_gold

FLOORS = Path(__file__).resolve().parents[1] / "tests" / "floors.json"


def floor2(value: float) -> float:
    """Round down to 2 places, without float noise turning 0.29 into 0.28."""
    return math.floor(value * 100 + 1e-9) / 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--write", action="store_true", help="raise the floors in tests/floors.json"
    )
    args = parser.parse_args(argv)
    floors: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = evaluate(bundled_gold())
    print(result.to_text())
    print()
    print(f"{'kind':10} {'metric':10} {'floor':>6} {'now':>6}")
    below = False
    for score in result.kinds:
        for metric, value in (("f1", score.f1), ("strict_f1", score.strict_f1)):
            old = floors[score.kind][metric]
            new = max(old, floor2(value))
            note = "  BELOW FLOOR" if value < old else ("  can rise" if new > old else "")
            below = below or value < old
            print(f"{score.kind:10} {metric:10} {old:>6.2f} {value:>6.3f}{note}")
            floors[score.kind][metric] = new
    if args.write:
        lines = [
            f'  "{kind}": {{"f1": {v["f1"]}, "strict_f1": {v["strict_f1"]}}}'
            for kind, v in floors.items()
        ]
        FLOORS.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        print(f"\nwrote {FLOORS.name}")
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
