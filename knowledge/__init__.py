"""Knowledge base data (YAML), installed as ``advisor.knowledge_base``; read through ``advisor.knowledge``."""

from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent
