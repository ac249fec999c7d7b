"""The shell verbs, `newsreader VERB ...`: each module has `run(argv) -> exit status`;
`common` is what they share."""
