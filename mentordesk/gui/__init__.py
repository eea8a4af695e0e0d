"""The Qt user interface: main window, tabs, table models, forms and background work."""
