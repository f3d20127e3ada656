"""One spelling for one page: `normalize_url` folds the URLs an article is seen under (tracking
parameters, AMP and mobile copies, fragments, letter case of scheme and host) into one.

1. courlan (trafilatura's URL cleaner) lower-cases scheme and host, drops the default port,
   tidies the path, drops tracking parameters (utm_*, fbclid, gclid, mc_*, ...) and sorts the
   rest of the query;
2. the fragment goes;
3. AMP copies fold into the plain page: an `amp.` host, an `/amp/` (or trailing `/amp`) path
   part, a `.amp.html` ending, an `amp` or `outputType=amp` query parameter;
4. mobile copies too: an `m.` or `mobile.` host.

The store also keys articles by their text's hash, so two URLs that this misses still give one
article; this keeps the list of fetched URLs (and the conditional GETs) to one per page.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

HOST_PREFIXES = ("amp.", "m.", "mobile.")  # copies of the site on their own host
AMP_QUERY = {("amp", ""), ("amp", "1"), ("amp", "true"), ("outputtype", "amp")}


def normalize_url(url: str) -> str:
    """The URL as Dateline records it; a URL that is not http(s) comes back stripped only."""
    from courlan.clean import normalize_url as courlan_normalize

    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return url
    try:
        cleaned = courlan_normalize(url)
    except ValueError:
        cleaned = url
    scheme, netloc, path, query, _ = urlsplit(cleaned)
    return urlunsplit((scheme, fold_host(netloc), fold_path(path) or "/", fold_query(query), ""))


def fold_host(netloc: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    for prefix in HOST_PREFIXES:
        host = hostport.split(":")[0]
        if host.startswith(prefix) and host.count(".") >= 2:
            hostport = hostport[len(prefix):]
    return f"{userinfo}{at}{hostport}"


def fold_path(path: str) -> str:
    parts = [part for part in path.split("/") if part.lower() != "amp"]
    if parts and parts[-1].lower().endswith(".amp.html"):
        parts[-1] = parts[-1][:-len(".amp.html")] + ".html"
    return "/".join(parts)


def fold_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if (key.lower(), value.lower()) not in AMP_QUERY]
    return urlencode(sorted(kept))
