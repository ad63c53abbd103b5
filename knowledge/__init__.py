"""Knowledge base data (YAML). Shipped as package data; read through ``advisor.knowledge``."""

from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent
