"""The benchmark's measured steps: projects to build, how a run is measured, the preview, ablation, report."""
