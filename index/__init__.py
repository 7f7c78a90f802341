def tanya_version() -> str:
    """The installed Tanya's version ("dev" from a source tree): written into the index, so a
    message about an index can say which Tanya wrote it, and sent as the fetcher's User-Agent."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tanya")
    except PackageNotFoundError:
        return "dev"
