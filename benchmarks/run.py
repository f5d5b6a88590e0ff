"""`make bench`: the dashboard's speed budget, measured as whole processes in one run.

Builds the synthetic five-year dataset in a temporary folder, then times (a) a bare
PySide6 window to first paint (the floor) and prepdesk to (b) the dashboard's first
paint, (c) its numbers, (d) all charts drawn; (e) the refresh after an edit and the
longest gap of a 10 ms heartbeat during it; (f) memory after start and after 50
refreshes. Prints each figure with its ratio to the floor and writes the table into
benchmarks/README.md.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 3  # startup figures are the median of this many launches
REFRESHES = 50
TABLE_START = "<!-- bench-table-start -->"
TABLE_END = "<!-- bench-table-end -->"


def child(script: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    launched = time.time()
    done = subprocess.run(
        [sys.executable, str(HERE / script), f"{launched:.6f}", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{script} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1])


def median_of(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> int:
    from synthetic_dataset import COUNTS, build  # a sibling script: benchmarks/ is on sys.path

    with tempfile.TemporaryDirectory(prefix="prepdesk-bench-") as tmp:
        data = Path(tmp) / "data"
        began = time.perf_counter()
        build(data)
        built = time.perf_counter() - began
        print(f"dataset: {', '.join(f'{v:,} {k}' for k, v in COUNTS.items())} ({built:.1f} s)")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PREPDESK_CONFIG_DIR": str(Path(tmp) / "config"),
        }
        bare = [child("bare_window.py", env=env) for _ in range(RUNS)]
        app = [child("app_probe.py", str(data), env=env) for _ in range(RUNS)]
        refresh = child("app_probe.py", str(data), "--refreshes", str(REFRESHES), env=env)

    floor = median_of(bare, "first_paint")
    floor_mb = median_of(bare, "peak_rss_mb")
    rows = [
        ("(a) bare PySide6 window, first paint", floor, floor, None),
        ("(b) prepdesk, dashboard first paint", median_of(app, "first_paint"), floor, 1.5),
        ("(c) prepdesk, dashboard numbers shown", median_of(app, "numbers"), floor, 3.0),
        ("(d) prepdesk, all charts drawn", median_of(app, "charts"), floor, 7.0),
    ]
    lines = [
        "| measure | value | ratio to floor | target | met |",
        "|---|---:|---:|---:|:---:|",
    ]
    for name, value, base, target in rows:
        ratio = value / base
        met = "" if target is None else ("yes" if ratio <= target else "no")
        shown_target = "floor" if target is None else f"≤ {target}×"
        lines.append(f"| {name} | {value:.2f} s | {ratio:.2f}× | {shown_target} | {met} |")
    gap = refresh["heartbeat_max_gap"]
    lines.append(
        f"| (e) refresh after an edit (median / max of {REFRESHES}) | "
        f"{refresh['refresh_median']:.2f} s / {refresh['refresh_max']:.2f} s | "
        f"{refresh['refresh_median'] / floor:.2f}× | – | |"
    )
    lines.append(
        f"| (e) longest 10 ms heartbeat gap during refreshes | {gap * 1000:.0f} ms | "
        f"– | ≤ 100 ms | {'yes' if gap <= 0.1 else 'no'} |"
    )
    start_mb = refresh["peak_after_start_mb"]
    end_mb = refresh["peak_after_refreshes_mb"]
    growth = refresh["rss_after_refreshes_mb"] - refresh["rss_after_start_mb"]
    lines.append(
        f"| (f) peak memory after start | {start_mb:.0f} MB | {start_mb / floor_mb:.2f}× "
        f"(bare {floor_mb:.0f} MB) | ≤ 3.5× | {'yes' if start_mb / floor_mb <= 3.5 else 'no'} |"
    )
    lines.append(
        f"| (f) peak memory after {REFRESHES} refreshes | {end_mb:.0f} MB | "
        f"{end_mb / floor_mb:.2f}× (resident grew {growth:+.1f} MB) | not growing | "
        f"{'yes' if growth < 0.1 * start_mb else 'no'} |"
    )
    load = os.getloadavg()[0]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = "\n".join(lines)
    note = (
        f"Measured {stamp} on {os.cpu_count()} CPUs (load average {load:.1f} at the end), "
        f"Python {sys.version.split()[0]}, {env['QT_QPA_PLATFORM']} platform; "
        f"startup figures are the median of {RUNS} launches."
    )
    print(table)
    print(note)
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, _sep, rest = text.partition(TABLE_START)
    _old, _sep2, tail = rest.partition(TABLE_END)
    readme.write_text(
        f"{head}{TABLE_START}\n{table}\n\n{note}\n{TABLE_END}{tail}", encoding="utf-8"
    )
    print(f"wrote {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
