"""Entry point of the frozen build (PyInstaller needs a script, not a module)."""

import multiprocessing
import sys

if __name__ == "__main__":  # the chart worker processes start from this script too
    multiprocessing.freeze_support()
    from prepdesk.cli import main

    sys.exit(main())
