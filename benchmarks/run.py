"""`make bench`: the dashboard's speed budget, as ratios to a bare PySide6 window in one run.

Builds two data folders in a temporary directory (the demo data and the synthetic
five-year dataset), then launches in turn, RUNS rounds: a bare PySide6 window (the
floor), prepdesk on each folder, and Anki when it is installed (the peer). Every
launch gets a fresh settings folder. Under a real X server (Xvfb through xvfb-run,
when installed; Qt's offscreen platform otherwise, and the table says which). Then
one stress launch per folder (edits, resizes, a theme switch, a CSV import, a backup)
and COLD_RUNS launches with every cache in the data folder emptied. Prints the table and
writes it into benchmarks/README.md.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# A checkout to compare with (e.g. main, with this benchmarks/ folder copied in): its
# launches on the five-year data become a "before" column.
BASELINE_ENV = "PREPDESK_BENCH_BASELINE"
RUNS = 5  # start-up figures are medians of this many launches
COLD_RUNS = 3
UNDER_X = "PREPDESK_BENCH_UNDER_XVFB"
TABLE_START = "<!-- bench-table-start -->"
TABLE_END = "<!-- bench-table-end -->"
CACHE = ("cache",)  # inside the data folder: every kept result (the numbers)


class Launcher:
    def __init__(self, tmp: Path, platform_name: str) -> None:
        self.tmp = tmp
        self.platform = platform_name
        self.count = 0

    def child(self, script: str, *args: str, timeout: float = 900, tree: Path = ROOT) -> dict:
        """Run benchmarks/`script` of `tree` (this checkout, or a baseline one)."""
        self.count += 1
        config = self.tmp / f"config-{self.count}"  # a fresh settings folder per launch
        # Bytecode cached as for an installed prepdesk (pip compiles it): without this a
        # PYTHONDONTWRITEBYTECODE in the environment recompiles every module per launch.
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {
            **inherited,
            "QT_QPA_PLATFORM": self.platform,
            "PREPDESK_CONFIG_DIR": str(config / "prepdesk"),
            "XDG_CONFIG_HOME": str(config),
            "XDG_CACHE_HOME": str(config / "cache"),
            "PYTHONPATH": str(tree),
        }
        launched = time.time()
        done = subprocess.run(
            [sys.executable, str(tree / "benchmarks" / script), f"{launched:.6f}", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit(f"{script} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return json.loads(lines[-1])


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def build_folders(tmp: Path) -> dict[str, Path]:
    from synthetic_dataset import build  # a sibling script: benchmarks/ is on sys.path

    from prepdesk.store.demo_setup import install_demo
    from prepdesk.store.paths import DataPaths

    demo = tmp / "demo"
    install_demo(DataPaths.resolve(demo), force=False, today=date.today())
    five = tmp / "five-year"
    build(five)
    return {"demo data": demo, "five-year data": five}


def main() -> int:
    if shutil.which("xvfb-run") and not os.environ.get(UNDER_X):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
        return subprocess.call(command, env={**os.environ, UNDER_X: "1"})
    platform_name = "xcb" if os.environ.get(UNDER_X) else "offscreen"
    with_anki = importlib.util.find_spec("aqt") is not None and not os.environ.get("NO_ANKI")
    with tempfile.TemporaryDirectory(prefix="prepdesk-bench-") as name:
        tmp = Path(name)
        began = time.perf_counter()
        folders = build_folders(tmp)
        print(f"data folders built in {time.perf_counter() - began:.1f} s")
        launch = Launcher(tmp, platform_name)
        anki_base = str(tmp / "anki")
        if with_anki:
            try:  # makes the profile; not counted
                launch.child("anki_probe.py", anki_base, "--setup", timeout=120)
            except (SystemExit, subprocess.TimeoutExpired) as exc:
                print(f"Anki skipped: its first launch did not finish ({exc})")
                with_anki = False
        for folder in folders.values():
            launch.child("app_probe.py", str(folder))  # warms the caches; not counted
        trees = {label: ROOT for label in folders}
        baseline = os.environ.get(BASELINE_ENV)
        if baseline:
            trees["five-year, before"] = Path(baseline)
        bare: list[dict] = []
        apps: dict[str, list[dict]] = {label: [] for label in trees}
        anki: list[dict] = []
        for round_ in range(RUNS):
            bare.append(launch.child("bare_window.py"))
            for label, tree in trees.items():
                folder = folders.get(label, folders["five-year data"])
                apps[label].append(launch.child("app_probe.py", str(folder), tree=tree))
            if with_anki:
                anki.append(launch.child("anki_probe.py", anki_base))
            print(f"round {round_ + 1} of {RUNS} done")
        print(json.dumps({"bare": bare, "apps": apps, "anki": anki}))  # the raw figures
        cold: dict[str, list[dict]] = {label: [] for label in folders}
        for label, folder in folders.items():
            for _ in range(COLD_RUNS):
                shutil.rmtree(folder.joinpath(*CACHE), ignore_errors=True)
                cold[label].append(launch.child("app_probe.py", str(folder)))
        stress = {
            label: launch.child("app_probe.py", str(folder), "--stress")
            for label, folder in folders.items()
        }
        print(json.dumps({"cold": cold, "stress": stress}))
    table = make_table(bare, apps, anki, cold, stress, platform_name)
    print(table)
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, _sep, rest = text.partition(TABLE_START)
    _old, _sep2, tail = rest.partition(TABLE_END)
    readme.write_text(f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}", encoding="utf-8")
    print(f"wrote {readme}")
    return 0


def make_table(
    bare: list[dict],
    apps: dict[str, list[dict]],
    anki: list[dict],
    cold: dict[str, list[dict]],
    stress: dict[str, dict],
    platform_name: str,
) -> str:
    floor = median(bare, "first_paint")
    floor_mb = median(bare, "rss_mb")
    anki_settled = median(anki, "settled") if anki else None
    labels = list(apps)
    head = ["measure", "bare PySide6", *labels, "Anki" if anki else "Anki (not installed)"]
    head += ["target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * (len(head) - 2) + "---|:---:|"]

    def seconds(value: float) -> str:
        return f"{value:.2f} s ({value / floor:.1f}×)"

    def row(name: str, key: str, limit: float | None, runs: dict[str, list[dict]]) -> None:
        cells = [name, f"{floor:.2f} s" if key == "first_paint" else "–"]
        cells += [seconds(median(runs[label], key)) if label in runs else "–" for label in labels]
        peer = {"first_paint": "first_paint", "numbers": "numbers", "settled": "settled"}
        cells.append(seconds(median(anki, peer[key])) if anki and key in peer else "–")
        values = [
            median(runs[label], key) for label in labels if label in runs and trees_now(label)
        ]
        met = limit is None or all(v / floor <= limit for v in values)
        target = "–" if limit is None else f"≤ {limit:g}×"
        if key == "settled" and limit is not None:
            target += ", < Anki" if anki else ""
            if anki_settled is not None:
                met = met and all(v < anki_settled for v in values)
        cells += [target, "–" if limit is None else ("yes" if met else "**no**")]
        lines.append("| " + " | ".join(cells) + " |")

    row("first paint (navigation, dashboard frame)", "first_paint", 1.5, apps)
    row("dashboard numbers / Anki's deck list", "numbers", 3.0, apps)
    row("every chart visible without scrolling", "visible_charts", 7.0, apps)
    row("all charts drawn", "charts", None, apps)
    row("whole window settled (last paint)", "settled", 8.0, apps)
    row(f"same, every cache emptied (median of {COLD_RUNS})", "settled", 8.0, cold)

    def stress_row(name: str, cell, target: str, met) -> None:
        ok = all(met(stress[label]) for label in labels if label in stress)
        shown = [cell(stress[label]) if label in stress else "–" for label in labels]
        cells = [name, "–", *shown, "–", target, "yes" if ok else "**no**"]
        lines.append("| " + " | ".join(cells) + " |")

    for phase, what in (
        ("edits", "50 edits"),
        ("resizes", "a sweep of window resizes"),
        ("theme", "a theme switch"),
        ("csv_import", "a 10,000-row CSV import"),
        ("backup", "a backup"),
    ):
        stress_row(
            f"longest 10 ms heartbeat gap: {what}",
            lambda v, p=phase: f"{v['gaps_ms'][p]} ms",
            "≤ 100 ms",
            lambda v, p=phase: v["gaps_ms"][p] <= 100,
        )
    stress_row(
        "refresh after an edit, median / max of 50",
        lambda v: f"{v['refresh_median'] * 1000:.0f} / {v['refresh_max'] * 1000:.0f} ms",
        "≤ 250 / 500 ms",
        lambda v: v["refresh_median"] <= 0.25 and v["refresh_max"] <= 0.5,
    )
    memory = [name for name in labels]
    mem_cells = ["memory (resident, with child processes)", f"{floor_mb:.0f} MiB"]
    worst = 0.0
    for label in memory:
        mb = median(apps[label], "rss_mb")
        main_mb = median(apps[label], "main_rss_mb")
        if trees_now(label):
            worst = max(worst, mb / floor_mb)
        mem_cells.append(f"{mb:.0f} MiB ({mb / floor_mb:.1f}×; main {main_mb:.0f})")
    if anki:
        mb, main_mb = median(anki, "rss_mb"), median(anki, "main_rss_mb")
        mem_cells.append(f"{mb:.0f} MiB ({mb / floor_mb:.1f}×; main {main_mb:.0f})")
    else:
        mem_cells.append("–")
    mem_cells += ["≤ 3.5×", "yes" if worst <= 3.5 else "**no**"]
    lines.append("| " + " | ".join(mem_cells) + " |")
    stress_row(
        "memory growth over the 50 edits",
        lambda v: f"{v['rss_after_edits_mb'] - v['rss_before_edits_mb']:+.1f} MiB",
        "flat (< 5%)",
        lambda v: (
            v["rss_after_edits_mb"] - v["rss_before_edits_mb"] < 0.05 * v["rss_before_edits_mb"]
        ),
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    shown_platform = "Xvfb (xcb, a real X server)" if platform_name == "xcb" else "offscreen"
    peer = "Anki " + anki_version() if anki else "Anki not installed (skipped)"
    note = (
        f"\nMeasured {stamp} on {shown_platform}; {os.cpu_count()} cores, {cpu_model()}; "
        f"load average {os.getloadavg()[0]:.1f} at the end; Python {sys.version.split()[0]}, "
        f"{platform.system()} {platform.release()}. Start-up figures are medians of {RUNS} "
        f"launches, each with a fresh settings folder, the caches warm as on any "
        f"relaunch; ratios are to the bare window's first paint in the same run. Peer: {peer}."
    )
    return "\n".join(lines) + "\n" + note


def trees_now(label: str) -> bool:
    """True for a column measuring this checkout (not the baseline's)."""
    return not label.endswith("before")


def anki_version() -> str:
    from importlib.metadata import version

    return version("aqt")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
