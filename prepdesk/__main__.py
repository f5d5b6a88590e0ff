import multiprocessing
import sys

if __name__ == "__main__":  # the formula process (spawn) imports this module too
    multiprocessing.freeze_support()
    from prepdesk.cli import main

    sys.exit(main())
