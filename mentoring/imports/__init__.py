"""Import of a school's lists into the bases: readers (.xlsx, .xls, .csv), the columns and their Russian
headers, normalisers of names, dates, classes, contacts and categories, the preview, the templates.
Nothing here writes: the commit is mentoring.services.imports."""
