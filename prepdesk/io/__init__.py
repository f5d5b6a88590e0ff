"""Import and export: JSON (everything), CSV (one file per table), Markdown (notes, stories)."""
