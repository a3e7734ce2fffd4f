"""`glossary survey`: how often a corpus uses each rendering of each concept, by file, folder and year.

The survey is a map over partitions of the corpus and a tree of merges:
`count.py` counts one partition's files into a `Partial` (pure: the same
files and term base give the same counts wherever it runs), `scale.py` runs
that map in process or on a Dask cluster with the compiled term base sent to
each worker once, `dates.py` gives each file its year, `report.py` writes CSV
and JSON, and `charts.py` draws each concept's renderings over the years.
"""
