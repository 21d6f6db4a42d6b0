"""Date and time formats where Django's own do not fit the site (FORMAT_MODULE_PATH).

Django ships no Armenian formats (it would show US order and "p.m." on /hy/), and its English
ones end a time in "p.m.", which doubles the full stop of any sentence that ends with a time.
"""
