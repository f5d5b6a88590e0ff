"""prepdesk as a person starts it, timed: see prepdesk_probe.py (run by run.py).

The probe lives in a module of its own so that the chart worker processes, which
import the main script again (multiprocessing's spawn), import nothing but this.
"""

if __name__ == "__main__":
    from prepdesk_probe import main

    main()
