"""What a background sets out: problems (deficits, gaps, bad figures, "belum ada", "hanya 6
dari 46") and assets or opportunities ("sudah ada", "tersedia", "potensi", "berpengalaman"),
found by meaning with negation respected: "tidak ada hambatan berarti" names no problem, and
an asset denied ("belum tersedia", "tidak memiliki") is a problem.

The package by job: ``base`` (the words read, figures), ``handling`` (a bad thing acted on),
``figures`` (a figure limited or short of a reference), ``trends`` (levels and trends),
``denial`` (negation of problems and assets), ``problems`` and ``assets`` (the two readings).
"""

from advisor.text.background.assets import assets
from advisor.text.background.problems import problems

__all__ = ["assets", "problems"]
