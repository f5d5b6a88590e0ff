"""The last image of each chart, on disk, with the hash of the data it shows.

Kept in the data folder's cache/charts/ (it describes that data): <key>.png and
<key>.json. Shown at once when the dashboard opens; the worker then compares the hash
with the data as it is now and renders again only what changed. A missing or broken
entry is simply no entry: the chart is rendered. Entries are written on one writer
thread, in order, so the GUI thread never waits for the disk; a load waits for the
writes already asked for.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from prepdesk.ui.dashboard.chart_jobs import ChartImage, RenderSize

_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart-cache")


class ChartCache:
    def __init__(self, root: Path) -> None:
        self.folder = root / "cache" / "charts"

    def load(self, key: str) -> ChartImage | None:
        _WRITER.submit(lambda: None).result()  # the writes asked for before are on disk
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            image = (self.folder / f"{key}.png").read_bytes() if meta["drew"] else b""
            return ChartImage(
                key,
                str(meta["hash"]),
                RenderSize(**meta["size"]),
                drew=bool(meta["drew"]),
                image=image,
                hits=tuple(tuple(hit) for hit in meta["hits"]),
                tips=tuple(tuple(tip) for tip in meta["tips"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, chart: ChartImage) -> None:
        """Write `chart` on the writer thread (best effort: a cache that cannot be written
        only costs a render next time)."""
        _WRITER.submit(self._write, chart)

    def _write(self, chart: ChartImage) -> None:
        meta = {
            "hash": chart.data_hash,
            "size": asdict(chart.size),
            "drew": chart.drew,
            "hits": [list(hit) for hit in chart.hits],
            "tips": [list(tip) for tip in chart.tips],
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if chart.drew:
                _replace(self.folder / f"{chart.key}.png", chart.image)
            _replace(self.folder / f"{chart.key}.json", json.dumps(meta).encode("utf-8"))
        except OSError:
            return


def _replace(path: Path, data: bytes) -> None:
    """Whole or not at all, but without waiting for the disk (fsync): it is only a cache."""
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)
