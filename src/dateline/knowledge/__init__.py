"""What Dateline knows before it reads: countries, organisations, groups, people, places and titles.

`load_knowledge()` reads the package's data files (and a user's own file in the same shape).
"""
from dateline.knowledge.loader import (Knowledge, Surface, load_knowledge, normalize, slugify,
                                       user_knowledge)

__all__ = ["Knowledge", "Surface", "load_knowledge", "normalize", "slugify", "user_knowledge"]
