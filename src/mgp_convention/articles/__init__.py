"""One module per article that carries rules."""
