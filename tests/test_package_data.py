"""Every data file the code reads ships in the wheel: package-data in pyproject.toml covers them."""
import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dateline"


def test_every_data_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["dateline"]
    # Every file of the package that is not Python source is data the code reads.
    data_files = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*")
                  if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts]
    assert "data/evidence_weights.json" in data_files
    missing = [name for name in data_files if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert missing == []
