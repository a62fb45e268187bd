"""Reading and writing jixiao's own data files (dossier and framework YAML/JSON).

Sits above ``core`` (which knows no file formats): this layer turns files into plain data
with line numbers, then hands that data to the core's validating constructors.
"""
