"""The chat page: Gradio layout, event handlers, HTML rendering and the document route.

Importing this package installs :mod:`assistant.webapp.gradio_import` (a meta-path finder, no
other effect), so every module here that imports gradio gets the faster import.
"""

from assistant.webapp.gradio_import import install as _install_gradio_import

_install_gradio_import()
