"""Fetching the news from the web: pages, feeds and sitemaps, politely and safely."""
