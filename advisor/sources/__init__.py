"""Plan sources: places in text files and workbooks (``place``), the readers by suffix
(``registry``), reading and writing workbooks (``xlsx_read``, ``xlsx_write``)."""
