"""The Textual reader. Import `newsreader.ui.launch` to start it: it keeps Textual out
until the reader really runs, so `newsreader analyze` and `--help` stay quick."""
