"""Modal dialogs of the review keys, one module each; they return the choice, never act."""
