"""Load and latency harness for the API (`make benchmark`); see benchmarks/README.md."""
