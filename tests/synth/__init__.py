"""Tests of jixiao.synth."""
