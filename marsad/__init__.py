"""marsad: evidence-grounded political-violence event records from Arabic news.

>>> import marsad
>>> events = marsad.extract("قتل ثلاثة مدنيين اليوم في قصف مدفعي على مدينة إدلب", published="2020-02-07")
"""
from marsad.budget import Budget, BudgetExceeded
from marsad.errors import InputError, KnowledgeBaseError, MarsadError, UsageError
from marsad.model import Article, Event, Span
from marsad.pipeline import extract, extract_article

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Budget",
    "BudgetExceeded",
    "Event",
    "InputError",
    "KnowledgeBaseError",
    "MarsadError",
    "Span",
    "UsageError",
    "__version__",
    "extract",
    "extract_article",
]
