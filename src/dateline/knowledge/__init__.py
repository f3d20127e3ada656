"""What Dateline knows before it reads: countries, organisations, groups, people, places and titles.

`load_knowledge()` reads the package's data files (and a user's own file in the same shape).
`sections` reads and merges the files, `building` builds the `Knowledge` (`knowledge`) from them,
`names` holds the name keys and matching that the lookups and fusion share, and `user_file` finds
and writes the user's file (`corrections` and `petrarch` add to it).
"""
from dateline.knowledge.building import load_knowledge
from dateline.knowledge.knowledge import Knowledge, Surface
from dateline.knowledge.names import normalize, slugify
from dateline.knowledge.user_file import user_knowledge

__all__ = ["Knowledge", "Surface", "load_knowledge", "normalize", "slugify", "user_knowledge"]
