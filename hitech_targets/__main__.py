"""``python -m hitech_targets`` runs the command-line interface."""

from hitech_targets.cli import main

raise SystemExit(main())
