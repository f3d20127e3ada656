"""What the interfaces (`cli`, `web`, `export`) share to show records to people: the labels
every view writes the same way (`labels`) and CSV a spreadsheet opens safely (`safe_csv`).

`query` returns records; turning them into text, tables and pages is the interfaces' work.
"""
