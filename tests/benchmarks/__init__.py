"""Performance benchmarks: run with ``python3 dev.py bench``; they print their figures."""
