"""Plain types, enumerations and rules of a mentoring programme; imports nothing else."""
