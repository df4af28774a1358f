"""The Qt wizard: a thin view over the core. The only package that imports PySide6."""
