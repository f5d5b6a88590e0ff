"""prepdesk: get ready for machine-learning engineering interviews, offline."""

__version__ = "0.1.0"
APP_NAME = "prepdesk"
