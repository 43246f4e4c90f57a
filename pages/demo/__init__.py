"""The demo site loaded by ``manage.py load_demo``: its content as data, and the code that builds it."""
