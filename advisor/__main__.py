"""``python -m advisor`` and the ``advisor`` command."""


def run() -> None:
    # Signals first, before the command line is imported: a Ctrl-C or SIGTERM during start-up
    # then ends with 130 or 143 like one during the run (advisor/signals.py).
    from advisor.signals import handle_signals

    handle_signals()
    from advisor.cli import main

    main()


if __name__ == "__main__":
    run()
