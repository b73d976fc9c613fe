"""python -m enforcement …: the command-line interface."""

import sys

from enforcement.cli import main

sys.exit(main())
