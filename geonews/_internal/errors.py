"""Exceptions raised by geonews.

The tree::

    GeonewsError(Exception)
    ├── SchemaError(GeonewsError, ValueError)   a dict or file that does not fit the format
    └── LexiconError(GeonewsError)              a malformed data file inside the package

`SchemaError` keeps `ValueError` as a base so that `except ValueError` keeps working.
Misuse of `parse_article` raises the builtins `TypeError` (text not a `str`) and
`ValueError` (an unreadable `published`).
"""

from __future__ import annotations


class GeonewsError(Exception):
    """Base class of every exception that geonews defines.

    Examples:
        >>> issubclass(SchemaError, GeonewsError)
        True
    """


class SchemaError(GeonewsError, ValueError):
    """A dict, JSON line or gold file that does not fit geonews' format.

    The message names the path of the bad value (``at $.quotes[1].span``) and what
    was expected there.

    Examples:
        >>> from geonews import Span
        >>> try:
        ...     Span.from_dict({"start": 1})
        ... except SchemaError as error:
        ...     print(error)
        at $.end: missing key 'end'
    """


class LexiconError(GeonewsError):
    """A data file shipped inside the package is malformed (a packaging bug).

    Examples:
        >>> issubclass(LexiconError, GeonewsError)
        True
    """
