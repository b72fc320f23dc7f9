"""Synthetic reports with known faults (`jixiao synth`): consistent data through the renderer, injected faults, ground truth."""
