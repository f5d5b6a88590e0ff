import sys

from prepdesk.cli import main

sys.exit(main())
