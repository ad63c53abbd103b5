import sys

if sys.argv[1:2] == ["accuracy"]:
    from bench.accuracy import main as accuracy

    raise SystemExit(accuracy(sys.argv[2:]))

from bench.run import main

raise SystemExit(main())
