"""One renderer per layout family: a derived specification -> blocks and the values they state."""
