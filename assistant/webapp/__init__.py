"""The chat page: Gradio layout, event handlers, HTML rendering and the document route."""
