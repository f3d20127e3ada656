"""`python -m dateline.cli`: the `dateline` command."""
from dateline.cli import main

main()
