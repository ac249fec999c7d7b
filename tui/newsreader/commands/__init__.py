"""The shell verbs besides `analyze`: each module has `run(argv) -> exit status`."""
