"""The commands of `jixiao`, one module per group: reading, checking, composing, batch runs."""
