"""File formats: native .scanvas, JSON Canvas, CSV and Markdown; merge of imported canvases. No Qt."""
