"""The chat page: Gradio layout, event handlers, HTML rendering and the document route.

Entry points that import gradio call :func:`assistant.webapp.gradio_import.install` first (app.py
does), which makes ``import gradio`` about 2.5 s faster; importing this package has no effect.
"""
