"""The official 「フォーマット」 workbook: plain data in, a safe .xlsx out, and back again.

``model`` holds the plain data, ``writer`` and ``reader`` turn it into a file and back;
``cells`` makes every text cell safe, ``headers`` names sheets and columns, ``styles``
and ``layout`` decide how it looks on screen and on A4.
"""
