"""Entry point of the frozen build (PyInstaller needs a script, not a module)."""

import sys

from prepdesk.cli import main

sys.exit(main())
